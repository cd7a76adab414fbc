package org.lectern.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Back office: how a programme's mail is getting out. Organisers see counts by kind and state, the
 * addresses that do not receive mail (with the reason), retry what failed and — once a person has
 * fixed their address — clear the mark so held mail goes out.
 */
@Controller
record ProgrammeDeliveryController(
    ProgrammeService programmes,
    ProgrammeDelivery delivery,
    UndeliverableAddresses undeliverable,
    OutboxRepository outbox,
    OutboxSender sender,
    BounceMailbox bounces,
    AuditLog audit,
    Clock clock,
    Transactions transactions) {

  static final int ADDRESSES = 200;

  @GetMapping("/admin/programmes/{id}/delivery")
  String show(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) String done,
      Model model,
      Ui ui) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(user, parse(id));
          List<ProgrammeDelivery.Problem> problems = delivery.problems(p.id(), ADDRESSES);
          var marks =
              p.organisationId() == null
                  ? Map.<String, Undeliverable>of()
                  : undeliverable.among(
                      p.organisationId(),
                      problems.stream().map(ProgrammeDelivery.Problem::address).toList());
          if (!problems.isEmpty()) {
            audit.record(
                new AuditLog.Record(
                    user.id(),
                    user.fullName(),
                    "mail.deliveryViewed",
                    p.organisationId(),
                    "programme",
                    p.id().toString(),
                    problems.size(),
                    null,
                    p.id()));
          }
          ZoneId zone = ui.zoneOr(p.timeZone());
          var f = ui.time();
          List<DeliveryPage.AddressRow> rows = new ArrayList<>();
          for (ProgrammeDelivery.Problem problem : problems) {
            Undeliverable mark = marks.get(problem.address());
            rows.add(
                new DeliveryPage.AddressRow(
                    problem.address(),
                    problem.mailId().toString(),
                    problem.messages(),
                    problem.status().name(),
                    mark == null ? null : "notification.delivery.reason." + mark.reason().name(),
                    mark == null ? null : code(mark),
                    mark == null
                        ? null
                        : f.dateTime(mark.since(), zone) + " " + ui.zoneLabel(zone, mark.since())));
          }
          List<DeliveryPage.KindRow> kinds = new ArrayList<>();
          int[] sum = new int[6];
          for (ProgrammeDelivery.Counts c : delivery.counts(p.id())) {
            kinds.add(
                new DeliveryPage.KindRow(
                    "notification.kind." + c.kind(),
                    c.queued(),
                    c.deferred(),
                    c.sent(),
                    c.failed(),
                    c.bounced(),
                    c.held()));
            sum[0] += c.queued();
            sum[1] += c.deferred();
            sum[2] += c.sent();
            sum[3] += c.failed();
            sum[4] += c.bounced();
            sum[5] += c.held();
          }
          model.addAttribute(
              "page",
              new DeliveryPage(
                  p.id(),
                  p.title(ui.lang()),
                  sender.enabled(),
                  bounces.configured(),
                  kinds,
                  new DeliveryPage.KindRow(null, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]),
                  rows,
                  notice(done)));
          return "notification/delivery";
        });
  }

  @PostMapping("/admin/programmes/{id}/delivery/retry")
  String retry(@AuthenticationPrincipal LecternUser user, @PathVariable String id) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(user, parse(id));
          int n = delivery.retryFailed(p.id(), clock.instant());
          audit(user, p, "mail.failedRetried", "programme", p.id(), n);
          return "redirect:/admin/programmes/" + p.id() + "/delivery?done=retried";
        });
  }

  /**
   * The person has fixed their mailbox (or the organiser checked the address with them): the mark
   * goes and their held or failed mail of this organisation is queued again. The form names a
   * message of the programme, never the address itself.
   */
  @PostMapping("/admin/programmes/{id}/delivery/release")
  String release(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(name = "mail", defaultValue = "") String mail) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(user, parse(id));
          OutboxMessage m =
              outbox
                  .find(parseMail(mail))
                  .filter(x -> p.id().equals(x.mail().programmeId()))
                  .orElseThrow(() -> new NotFoundException("notification.delivery.notFound"));
          if (p.organisationId() != null) {
            undeliverable.clear(p.organisationId(), m.mail().to());
          }
          int n =
              p.organisationId() == null
                  ? 0
                  : delivery.release(p.organisationId(), m.mail().to(), clock.instant());
          audit(user, p, "mail.addressReleased", "mail_outbox", m.id(), n);
          return "redirect:/admin/programmes/" + p.id() + "/delivery?done=released";
        });
  }

  /** What an organiser did to the programme's mail, and to how many messages. */
  private void audit(
      LecternUser user, Programme p, String action, String subjectType, UUID subject, int n) {
    audit.record(
        new AuditLog.Record(
            user.id(),
            user.fullName(),
            action,
            p.organisationId(),
            subjectType,
            subject.toString(),
            n,
            null,
            p.id()));
  }

  private static String code(Undeliverable mark) {
    String code = mark.smtpCode() == 0 ? "" : Integer.toString(mark.smtpCode());
    String detail = mark.detail() == null ? "" : mark.detail();
    return (code + " " + detail).strip();
  }

  private static String notice(String done) {
    if ("retried".equals(done)) {
      return "notification.delivery.retried";
    }
    if ("released".equals(done)) {
      return "notification.delivery.released";
    }
    return null;
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
  }

  private static UUID parseMail(String id) {
    try {
      return UUID.fromString(id.strip());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("notification.delivery.notFound");
    }
  }
}
