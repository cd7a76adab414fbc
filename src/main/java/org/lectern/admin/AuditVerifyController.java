package org.lectern.admin;

import java.time.ZoneId;
import org.lectern.audit.AuditChain;
import org.lectern.audit.ChainReport;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Verification of the audit chain, for platform administrators: the whole log is checked, so the
 * page is theirs alone (an organisation's administrators would learn how much others log).
 */
@Controller
record AuditVerifyController(AuditChain chain) {

  private static final ZoneId UTC = ZoneId.of("UTC");

  @GetMapping("/admin/audit/verify")
  String verify(@AuthenticationPrincipal LecternUser actor, Ui ui, Model model) {
    if (!actor.platformAdmin()) {
      throw new ForbiddenException("audit.verify.forbidden");
    }
    ChainReport r = chain.verify();
    ZoneId zone = ui.zoneOr(UTC);
    var f = ui.time();
    var b = r.firstBreak();
    model.addAttribute(
        "page",
        new AuditVerifyPage(
            r.intact(),
            ui.number(r.checked()),
            ui.number(r.unchained()),
            r.headHash(),
            f.dateTime(r.verifiedAt(), zone),
            b == null ? "" : Long.toString(b.seq()),
            b == null ? "" : b.entryId().toString(),
            b == null ? "" : f.dateTime(b.at(), zone),
            b == null ? "" : ui.t(b.reason().messageKey()),
            ui.zoneLabel(zone, r.verifiedAt())));
    return "admin/auditVerify";
  }
}
