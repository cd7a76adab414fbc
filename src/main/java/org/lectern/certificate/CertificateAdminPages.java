package org.lectern.certificate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.certificate.CertificateAdminPage.Issued;
import org.lectern.certificate.CertificateAdminPage.Row;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Turns the office's overview into the organiser's page, in the organiser's language. */
@Component
record CertificateAdminPages(CertificateViews names) {

  CertificateAdminPage page(CertificateService.Overview o, String notice, String error, Ui ui) {
    var p = o.programme();
    var zone = ui.zoneOr(p.timeZone());
    Map<UUID, Certificate> byId =
        o.certificates().stream().collect(Collectors.toMap(Certificate::id, Function.identity()));
    List<Row> rows =
        o.rows().stream()
            .map(
                r ->
                    new Row(
                        r.registrationId().toString(),
                        r.holderName(),
                        r.eligible(),
                        r.completed(),
                        ui.t(r.reasonCode(), r.reasonArgs().toArray()),
                        r.overrideReason(),
                        r.hours().format(ui.locale()),
                        r.issued() ? names.code(r.certificate()) : null))
            .toList();
    List<Issued> issued =
        o.certificates().stream()
            .map(
                c ->
                    new Issued(
                        names.code(c),
                        c.holderName(),
                        c.status().name(),
                        detail(c, byId, ui, zone),
                        ui.time().date(c.issuedAt(), zone),
                        c.hours().format(ui.locale()),
                        c.language(),
                        c.isValid()))
            .toList();
    long waiting = o.rows().stream().filter(r -> r.eligible() && !r.issued()).count();
    return new CertificateAdminPage(
        p.id().toString(),
        p.title().show(ui.lang(), p.languages()),
        rows,
        waiting,
        issued,
        notice,
        error);
  }

  private String detail(Certificate c, Map<UUID, Certificate> byId, Ui ui, java.time.ZoneId zone) {
    return switch (c.status()) {
      case VALID -> "";
      case REVOKED ->
          ui.t(
              "certificate.admin.revokedOn",
              ui.time().date(c.revokedAt(), zone),
              c.revocationReason());
      case SUPERSEDED -> {
        Certificate by = byId.get(c.supersededBy());
        yield ui.t(
            "certificate.admin.supersededBy",
            ui.time().date(c.supersededAt(), zone),
            by == null ? "" : names.code(by));
      }
    };
  }
}
