package org.lectern.delegate;

/**
 * What the unsubscribe page shows: the address its button posts to, whether the link is genuine,
 * and whether the announcements were stopped.
 */
public record UnsubscribePage(String action, boolean valid, boolean done) {}
