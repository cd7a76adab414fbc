package org.lectern.notification;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
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

  OutgoingMail mail(
      MailContent content,
      String kind,
      java.util.UUID relatedId,
      String to,
      java.util.List<MailAttachment> attachments,
      String dedupeKey) {
    return mail(content, kind, relatedId, to, attachments, dedupeKey, false);
  }

  OutgoingMail mail(
      MailContent content,
      String kind,
      java.util.UUID relatedId,
      String to,
      java.util.List<MailAttachment> attachments,
      String dedupeKey,
      boolean neutral) {
    return new OutgoingMail(
        kind,
        relatedId,
        to,
        content.language(),
        content.subject(),
        text(content),
        html(content),
        attachments,
        dedupeKey,
        neutral);
  }
}
