package org.lectern.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox for platform administrators, e.g. when no SMTP server is configured and links must be
 * passed on by hand. It shows personal data, so every view is written to the audit log.
 */
@Controller
record OutboxAdminController(
    OutboxRepository outbox, OutboxSender sender, AuditLog audit, Transactions transactions) {

  static final int PAGE = 50;

  @GetMapping("/admin/outbox")
  String outbox(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "0") int offset,
      Model model,
      Ui ui) {
    return transactions.result(
        () -> {
          if (user == null || !user.platformAdmin()) {
            throw new ForbiddenException("notification.outbox.forbidden");
          }
          int from = Math.max(0, offset);
          var messages = outbox.recent(PAGE, from);
          audit.record(
              new AuditLog.Record(
                  user.id(),
                  user.fullName(),
                  "mail.outboxViewed",
                  null,
                  "mail_outbox",
                  null,
                  messages.size(),
                  "offset=" + from));
          var f = ui.time();
          ZoneId zone = ui.zoneOr(ZoneOffset.UTC);
          var rows =
              messages.stream()
                  .map(
                      m ->
                          new OutboxPage.Row(
                              m.id().toString(),
                              m.mail().kind(),
                              MailKind.of(m.mail().kind())
                                  .map(k -> ui.t("notification.kind." + k.code()))
                                  .orElse(m.mail().kind()),
                              m.mail().to(),
                              m.mail().language(),
                              m.mail().subject(),
                              m.credential() ? null : MaskedLinks.mask(m.mail().text()),
                              m.status().name(),
                              m.attempts(),
                              f.dateTime(m.createdAt(), zone),
                              m.sentAt() == null ? null : f.dateTime(m.sentAt(), zone),
                              m.lastError(),
                              outbox.attachments(m.id()).stream()
                                  .map(MailAttachment::filename)
                                  .toList()))
                  .toList();
          model.addAttribute(
              "page",
              new OutboxPage(
                  sender.enabled(),
                  outbox.count(),
                  from,
                  PAGE,
                  ui.zoneLabel(zone, Instant.now()),
                  rows));
          return "notification/outbox";
        });
  }
}
