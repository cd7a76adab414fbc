package org.lectern.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lectern.audit.AuditAction;
import org.lectern.audit.AuditEntry;
import org.lectern.audit.AuditFilter;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log viewer: filtered, paged on the server (no script needed), exportable as CSV. */
@Controller
record AuditController(AuditViewer viewer) {

  private static final ZoneId UTC = ZoneId.of("UTC");

  @GetMapping("/admin/audit")
  String show(
      @AuthenticationPrincipal LecternUser actor,
      @RequestParam(required = false) String person,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String programme,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "1") String page,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    var scope = viewer.scope(actor);
    var form = new AuditFilterForm(person, action, programme, from, to);
    ZoneId zone = ui.zoneOr(UTC);
    int n = pageNumber(page);
    List<Programme> programmes = viewer.programmes(actor, scope);
    FormErrors errors = FormErrors.none();
    List<AuditEntry> entries = List.of();
    try {
      entries = viewer.page(viewer.filter(scope, form, zone), n);
    } catch (InvalidInputException e) {
      res.setStatus(422);
      errors = FormErrors.of(e, ui);
    }
    boolean more = entries.size() > AuditViewer.PAGE;
    var shown = more ? entries.subList(0, AuditViewer.PAGE) : entries;
    Map<UUID, String> titles = titles(programmes, ui);
    var f = ui.time();
    var rows =
        shown.stream()
            .map(
                e ->
                    new AuditPage.Row(
                        f.dateTime(e.at(), zone),
                        e.actorLabel() == null ? "—" : e.actorLabel(),
                        actionName(e.action(), ui),
                        e.action(),
                        e.programmeId() == null ? "—" : titles.getOrDefault(e.programmeId(), "—"),
                        e.subjectType() == null
                            ? "—"
                            : e.subjectType() + (e.subjectId() == null ? "" : " " + e.subjectId()),
                        e.count() == null ? "—" : ui.number(e.count()),
                        e.details() == null ? "" : e.details()))
            .toList();
    String q = "/admin/audit?" + form.query();
    model.addAttribute(
        "page",
        new AuditPage(
            form,
            errors,
            rows,
            people(viewer.people(scope), form.person()),
            actions(ui, form.action()),
            programmeOptions(programmes, titles, form.programme()),
            ui.zoneLabel(zone, Instant.now()),
            n,
            n > 1 ? q + "&page=" + (n - 1) : null,
            more ? q + "&page=" + (n + 1) : null,
            "/admin/audit.csv?" + form.query(),
            actor.platformAdmin()));
    return "admin/audit";
  }

  @GetMapping("/admin/audit.csv")
  @org.lectern.identity.FreshSecondFactor
  void export(
      @AuthenticationPrincipal LecternUser actor,
      @RequestParam(required = false) String person,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String programme,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletResponse res,
      Ui ui)
      throws IOException {
    var scope = viewer.scope(actor);
    var form = new AuditFilterForm(person, action, programme, from, to);
    AuditFilter filter = viewer.filter(scope, form, ui.zoneOr(UTC));
    var entries = viewer.export(actor, scope, filter);
    res.setContentType("text/csv;charset=UTF-8");
    res.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    Writer w = new java.io.OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8);
    AuditCsv.write(entries, code -> actionName(code, ui), w);
  }

  static int pageNumber(String page) {
    try {
      int n = Integer.parseInt(page.strip());
      return Math.max(1, Math.min(n, 10_000));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static String actionName(String code, Ui ui) {
    return AuditAction.ofCode(code).map(a -> ui.t(a.messageKey())).orElse(code);
  }

  private static Map<UUID, String> titles(List<Programme> programmes, Ui ui) {
    return programmes.stream()
        .collect(
            Collectors.toMap(Programme::id, p -> ui.text(p.title(), p.languages()), (a, b) -> a));
  }

  private static List<AuditPage.Option> people(List<AuditEntry.Actor> actors, String selected) {
    return actors.stream()
        .map(
            a ->
                new AuditPage.Option(
                    a.id().toString(),
                    a.label() == null ? a.id().toString() : a.label(),
                    a.id().toString().equals(selected)))
        .toList();
  }

  private static List<AuditPage.Option> actions(Ui ui, String selected) {
    List<AuditPage.Option> all = new ArrayList<>();
    for (AuditAction a : AuditAction.values()) {
      all.add(new AuditPage.Option(a.code(), ui.t(a.messageKey()), a.code().equals(selected)));
    }
    all.sort(java.util.Comparator.comparing(AuditPage.Option::label));
    return all;
  }

  private static List<AuditPage.Option> programmeOptions(
      List<Programme> programmes, Map<UUID, String> titles, String selected) {
    return programmes.stream()
        .map(
            p ->
                new AuditPage.Option(
                    p.id().toString(), titles.get(p.id()), p.id().toString().equals(selected)))
        .toList();
  }
}
