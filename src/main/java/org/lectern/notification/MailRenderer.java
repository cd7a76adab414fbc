package org.lectern.notification;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Lays out {@link MailContent} as HTML (a jte template) and as plain text. */
@Component
record MailRenderer(TemplateEngine templates) {

  static final String TEMPLATE = "notification/mail/message.jte";

  String html(MailContent content) {
    StringOutput out = new StringOutput();
    templates.render(TEMPLATE, Map.of("mail", content), out);
    return out.toString();
  }

  /**
   * A mail laid out once for everyone whose mail differs only in the greeting (issue 16, eighth
   * pass: a registration burst sends one programme's mail in one language to thousands of people;
   * the template, the wording and the facts were laid out again for each). Text and HTML are kept
   * split where the greeting goes; {@link #text(String)} and {@link #html(String)} give what {@link
   * MailRenderer#text} and {@link MailRenderer#html} give for the content with that greeting.
   */
  record Skeleton(
      MailContent content,
      String textBefore,
      String textAfter,
      String htmlBefore,
      String htmlAfter) {

    String text(String greeting) {
      return body().text(greeting);
    }

    /** The greeting escaped as the template escapes it (HTML content). */
    String html(String greeting) {
      return body().html(greeting);
    }

    /** The subject and the layout around the greeting, as stored for many mails. */
    MailBody body() {
      return new MailBody(content.subject(), textBefore, textAfter, htmlBefore, htmlAfter);
    }

    /** What {@link MailRenderer#layout} gives for the content with this greeting. */
    LaidOut withGreeting(String greeting) {
      return new LaidOut(content.language(), content.subject(), text(greeting), html(greeting));
    }
  }

  /** Where the greeting goes: no wording, name or markup contains it (checked, see skeleton). */
  private static final String GREETING = "\0lectern:greeting\0";

  /**
   * The content laid out with its greeting left open (the content's own greeting is ignored); null
   * when the layout does not show the greeting exactly once in each form (then lay out each mail).
   */
  Skeleton skeleton(MailContent content) {
    MailContent open =
        new MailContent(
            content.language(),
            content.subject(),
            GREETING,
            content.paragraphs(),
            content.facts(),
            content.action(),
            content.footer());
    String text = text(open);
    String html = html(open);
    int t = text.indexOf(GREETING);
    int h = html.indexOf(GREETING);
    if (t < 0
        || h < 0
        || text.indexOf(GREETING, t + 1) >= 0
        || html.indexOf(GREETING, h + 1) >= 0) {
      return null;
    }
    return new Skeleton(
        content,
        text.substring(0, t),
        text.substring(t + GREETING.length()),
        html.substring(0, h),
        html.substring(h + GREETING.length()));
  }

  static String text(MailContent c) {
    StringBuilder b = new StringBuilder();
    b.append(c.greeting()).append("\n\n");
    for (String p : c.paragraphs()) {
      b.append(p).append("\n\n");
    }
    for (MailContent.Fact f : c.facts()) {
      b.append(f.label()).append(": ").append(f.value()).append('\n');
    }
    if (!c.facts().isEmpty()) {
      b.append('\n');
    }
    if (c.action() != null) {
      b.append(c.action().label()).append(":\n").append(c.action().url()).append("\n\n");
    }
    b.append("-- \n");
    for (String f : c.footer()) {
      b.append(f).append('\n');
    }
    return b.toString();
  }

  /** The content laid out as text and HTML. */
  LaidOut layout(MailContent content) {
    return new LaidOut(content.language(), content.subject(), text(content), html(content));
  }

  /**
   * A mail's words laid out, ready to be addressed: what {@link #layout} makes of a content and
   * what {@link Skeleton#withGreeting} makes of a skeleton, so a mail is made from either in one
   * place.
   */
  record LaidOut(String language, String subject, String text, String html) {

    OutgoingMail mail(
        String kind,
        UUID relatedId,
        String to,
        List<MailAttachment> attachments,
        String dedupeKey,
        boolean neutral) {
      return new OutgoingMail(
          kind, relatedId, to, language, subject, text, html, attachments, dedupeKey, neutral);
    }
  }
}
