package org.lectern.learning;

/** A session listed with a link to its recording page. */
public record SessionLink(String id, String title) {}
