package org.lectern.delegate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.audit.AuditLog;
import org.lectern.identity.DelegateAccounts;
import org.lectern.identity.DelegateAddress;
import org.lectern.identity.DelegatePrincipal;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A delegate's rights from "My trainings": everything Lectern holds about them (JSON and a readable
 * page), and erasure, asked for while signed in and confirmed through the e-mailed link.
 */
@Controller
record DelegateRightsController(
    DelegateAccounts directory,
    DelegateDataExport export,
    DelegateErasure erasure,
    MyDataValues values,
    AuditLog audit) {

  @GetMapping(value = "/my/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<MyData> json(@AuthenticationPrincipal DelegatePrincipal delegate) {
    MyData data = collect(delegate);
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("my-lectern-data.json").build().toString())
        .body(data);
  }

  @GetMapping("/my/data")
  String page(@AuthenticationPrincipal DelegatePrincipal delegate, Ui ui, Model model) {
    MyData data = collect(delegate);
    List<DelegateRightsPages.Section> sections =
        data.held().entrySet().stream()
            .map(
                e ->
                    new DelegateRightsPages.Section(
                        e.getKey(),
                        e.getValue().stream().map(r -> fields(e.getKey(), r, ui)).toList()))
            .toList();
    model.addAttribute("page", new DelegateRightsPages.MyDataPage(data.email(), sections));
    return "delegate/data";
  }

  @PostMapping("/my/erasure")
  String request(@AuthenticationPrincipal DelegatePrincipal delegate) {
    erasure.request(delegate);
    return "redirect:/my?done=erasureRequested";
  }

  @GetMapping("/my/erasure/confirm")
  String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute(
        "page", new DelegateRightsPages.ErasurePage(token, erasure.valid(token), null));
    return "delegate/erasure";
  }

  @PostMapping("/my/erasure/confirm")
  String confirm(
      @RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model) {
    Optional<Integer> erased = erasure.confirm(token);
    if (erased.isPresent()) {
      // Whoever was signed in as this delegate is no longer: the address is gone.
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    }
    model.addAttribute("page", new DelegateRightsPages.ErasurePage("", false, erased.orElse(null)));
    return "delegate/erasure";
  }

  private MyData collect(DelegatePrincipal delegate) {
    DelegateAddress address =
        directory
            .find(delegate.emailIndex())
            .orElseThrow(() -> new NotFoundException("delegate.my.erased"));
    MyData data = export.data(address);
    audit.record(
        new AuditLog.Record(
            null,
            "delegate",
            "delegate.dataDownloaded",
            null,
            "delegate",
            null,
            data.registrations().size(),
            null));
    return data;
  }

  private List<DelegateRightsPages.Field> fields(
      String section, Map<String, Object> record, Ui ui) {
    return record.entrySet().stream()
        .filter(e -> e.getValue() != null && !"".equals(e.getValue()))
        .map(
            e ->
                new DelegateRightsPages.Field(
                    e.getKey(), values.show(section, e.getKey(), e.getValue(), ui)))
        .toList();
  }
}
