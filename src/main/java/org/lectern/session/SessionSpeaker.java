package org.lectern.session;

import java.util.UUID;

/** A speaker in a role in one session, in display order. */
public record SessionSpeaker(UUID speakerId, SpeakerRole role, int position) {}
