package org.lectern.learning;

/**
 * One material as listed: its title, file name, type and size as people read them, where to fetch
 * it, who may, and how often delegates downloaded it.
 */
public record MaterialView(
    String id,
    String title,
    String fileName,
    String type,
    String size,
    String href,
    String access,
    int downloads) {}
