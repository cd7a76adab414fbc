package org.lectern.notification;

import java.util.List;

/**
 * The words of one e-mail in one language, before rendering as HTML and plain text. Every string
 * here is already translated (or written by an organiser); renderers only lay it out.
 */
public record MailContent(
    String language,
    String subject,
    String greeting,
    List<String> paragraphs,
    List<Fact> facts,
    Link action,
    List<String> footer) {

  public record Fact(String label, String value) {}

  public record Link(String label, String url) {}
}
