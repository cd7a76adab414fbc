package org.lectern.speaker;

/** A speaker's photo as uploaded, with its detected media type. */
public record SpeakerPhoto(byte[] bytes, String type) {}
