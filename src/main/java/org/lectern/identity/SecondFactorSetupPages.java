package org.lectern.identity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.QrSvg;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the second-factor page (app and passkeys) for the controllers that show it. */
@Component
class SecondFactorSetupPages {

  private final SecondFactors factors;
  private final Passkeys passkeys;
  private final Clock clock;

  SecondFactorSetupPages(SecondFactors factors, Passkeys passkeys, Clock clock) {
    this.factors = factors;
    this.passkeys = passkeys;
    this.clock = clock;
  }

  SecondFactorSetupPage page(
      LecternUser user, Ui ui, List<String> codes, FormErrors errors, String notice) {
    return page(user, ui, codes, errors, notice, "", FormErrors.none());
  }

  SecondFactorSetupPage page(
      LecternUser user,
      Ui ui,
      List<String> codes,
      FormErrors errors,
      String notice,
      String passkeyName,
      FormErrors passkeyErrors) {
    boolean required = factors.required(user);
    ZoneId zone = ui.zoneOr(ZoneId.of("UTC"));
    var f = ui.time();
    List<SecondFactorSetupPage.PasskeyRow> rows =
        passkeys.of(user.id()).stream()
            .map(
                p ->
                    new SecondFactorSetupPage.PasskeyRow(
                        p.credentialId(),
                        p.label(),
                        p.created() == null ? "—" : f.dateTime(p.created(), zone),
                        p.lastUsed() == null ? "—" : f.dateTime(p.lastUsed(), zone)))
            .toList();
    String zoneLabel = ui.zoneLabel(zone, clock.instant());
    boolean any = factors.enrolled(user.id());
    int unused = any ? factors.unusedRecoveryCodes(user.id()) : 0;
    var setup = factors.setup(user);
    if (setup.isEmpty()) {
      return new SecondFactorSetupPage(
          true,
          required,
          null,
          null,
          null,
          codes,
          unused,
          errors,
          notice,
          any,
          rows,
          passkeyName,
          passkeyErrors,
          zoneLabel);
    }
    String uri = setup.get().uri();
    return new SecondFactorSetupPage(
        false,
        required,
        setup.get().secret(),
        uri,
        QrSvg.svg(uri, ui.t("identity.factor.qr"), "qr"),
        codes,
        unused,
        errors,
        notice,
        any,
        rows,
        passkeyName,
        passkeyErrors,
        zoneLabel);
  }
}
