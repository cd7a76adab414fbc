package org.lectern.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the materials pages and lists; the list of who downloaded is audited. */
@Component
record MaterialViews(
    Materials materials,
    RegistrationService registrations,
    AuditLog audit,
    Transactions transactions) {

  MaterialsPage admin(
      LecternUser actor,
      UUID sessionId,
      Map<String, String> values,
      FormErrors errors,
      String notice,
      Ui ui) {
    var st = materials.staffed(actor, sessionId);
    var p = st.programme();
    String base = "/admin/sessions/" + sessionId + "/materials/";
    List<MaterialView> rows =
        materials.ofSession(sessionId).stream().map(m -> view(m, base + m.id(), ui)).toList();
    return new MaterialsPage(
        p.id().toString(),
        sessionId.toString(),
        p.title(ui.lang()),
        st.session().title().in(ui.lang(), p.languages()),
        st.manager(),
        (int) (materials.maxBytes() / (1024 * 1024)),
        rows,
        values,
        errors,
        notice == null ? null : ui.t(notice),
        st.manager() ? base + "downloads" : null);
  }

  /** Personal data (who downloaded): the programme's organisers only, and audited. */
  MaterialDownloadsPage downloads(LecternUser actor, UUID sessionId, Ui ui) {
    return transactions.result(
        () -> {
          var st = materials.staffed(actor, sessionId);
          if (!st.manager()) {
            throw new ForbiddenException("programme.cannotManage");
          }
          var p = st.programme();
          Map<UUID, String> titles = new HashMap<>();
          materials.ofSession(sessionId).forEach(m -> titles.put(m.id(), m.title()));
          Map<UUID, String> names = new HashMap<>();
          var zone = ui.zoneOr(p.timeZone());
          List<MaterialDownloadsPage.Row> rows =
              materials.downloads(sessionId).stream()
                  .map(
                      d ->
                          new MaterialDownloadsPage.Row(
                              names.computeIfAbsent(
                                  d.registrationId(),
                                  r ->
                                      registrations
                                          .find(r)
                                          .map(x -> x.details().fullName())
                                          .orElse("—")),
                              titles.getOrDefault(d.materialId(), "—"),
                              ui.time().dateTime(d.at(), zone)))
                  .toList();
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "learning.materialDownloadsListed",
                  p.organisationId(),
                  "session",
                  sessionId.toString(),
                  rows.size(),
                  null));
          return new MaterialDownloadsPage(
              p.id().toString(),
              sessionId.toString(),
              st.session().title().in(ui.lang(), p.languages()),
              rows);
        });
  }

  static MaterialView view(Material m, String href, Ui ui) {
    return new MaterialView(
        m.id().toString(),
        m.title(),
        m.fileName(),
        typeLabel(m.contentType()),
        size(m.sizeBytes(), ui),
        href,
        ui.t("learning.material.access." + m.access().name()),
        m.downloads());
  }

  static String typeLabel(String contentType) {
    for (MaterialFile.Kind k : MaterialFile.Kind.values()) {
      if (k.contentType.equals(contentType)) {
        return k.extension.toUpperCase(java.util.Locale.ROOT);
      }
    }
    return "";
  }

  static String size(long bytes, Ui ui) {
    if (bytes < 1024 * 1024) {
      return ui.t("learning.material.kb", Math.max(1, (bytes + 1023) / 1024));
    }
    return ui.t(
        "learning.material.mb",
        String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)));
  }
}
