package org.lectern.organisation;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationViews.CentreOption;
import org.lectern.organisation.OrganisationViews.InviteForm;
import org.lectern.organisation.OrganisationViews.InvitedRow;
import org.lectern.organisation.OrganisationViews.ListPage;
import org.lectern.organisation.OrganisationViews.MemberRow;
import org.lectern.organisation.OrganisationViews.MembersPage;
import org.lectern.organisation.OrganisationViews.OrganisationForm;
import org.lectern.organisation.OrganisationViews.OrganisationRow;
import org.lectern.organisation.OrganisationViews.SettingsPage;
import org.lectern.reference.Region;
import org.lectern.reference.Regions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Assembles the organisation pages: list, set-up and settings form, members. */
@Component
record OrganisationPages(
    OrganisationService organisations,
    Regions regions,
    org.lectern.identity.SecondFactorRules secondFactorRules) {

  private static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Almaty");

  ListPage list(LecternUser user, Ui ui) {
    List<Organisation> shown =
        user.platformAdmin() ? organisations.all() : organisations.ofMember(user);
    var rows =
        shown.stream()
            .map(
                o -> {
                  var name = o.name().show(ui.lang(), List.of("en", "ru", "kk"));
                  return new OrganisationRow(
                      o.id().toString(),
                      name.text(),
                      name.lang(),
                      o.slug(),
                      organisations.canAdminister(user, o.id()),
                      o.hasLogo() ? OrganisationLogoController.path(o.slug()) : null);
                })
            .toList();
    return new ListPage(rows, user.platformAdmin());
  }

  SettingsPage newOrganisation(OrganisationForm form, FormErrors errors, Ui ui) {
    boolean firstRun = organisations.none();
    String title = ui.t(firstRun ? "organisation.setUp.title" : "organisation.new.title");
    return new SettingsPage(
        true,
        firstRun,
        null,
        title,
        form,
        centres(form.mainCentres(), ui),
        errors,
        null,
        false,
        null);
  }

  SettingsPage settings(Organisation o, OrganisationForm form, FormErrors errors, Ui ui) {
    String name = o.name().show(ui.lang(), List.of("en", "ru", "kk")).text();
    return new SettingsPage(
        false,
        false,
        o.id().toString(),
        ui.t("organisation.settings.title", name),
        form,
        centres(form.mainCentres(), ui),
        errors,
        o.hasLogo() ? OrganisationLogoController.path(o.slug()) : null,
        true,
        secondFactorRules.policy(o.id()));
  }

  MembersPage members(
      Organisation o,
      List<OrganisationMember> members,
      List<OrganisationInvitation> invited,
      LecternUser viewer,
      InviteForm invite,
      FormErrors errors,
      Ui ui) {
    var name = o.name().show(ui.lang(), List.of("en", "ru", "kk"));
    var rows =
        members.stream()
            .map(
                m ->
                    new MemberRow(
                        m.userId().toString(),
                        m.fullName(),
                        m.email(),
                        m.role().name(),
                        m.lastSignInAt() == null
                            ? ui.t("organisation.members.never")
                            : shown(m.lastSignInAt(), ui),
                        m.userId().equals(viewer.id())))
            .toList();
    var pending =
        invited.stream()
            .map(
                i ->
                    new InvitedRow(
                        i.id().toString(),
                        i.fullName(),
                        i.email(),
                        i.role().name(),
                        shown(i.expiresAt(), ui)))
            .toList();
    return new MembersPage(
        o.id().toString(), name.text(), name.lang(), rows, pending, invite, errors);
  }

  private static String shown(java.time.Instant at, Ui ui) {
    ZoneId zone = ui.zoneOr(SHOWN_ZONE);
    return ui.time().dateTime(at, zone) + " (" + ui.zoneLabel(zone, at) + ")";
  }

  /** The form's settings, checked (field errors named as the form names its inputs). */
  OrganisationSettings validate(OrganisationForm f, InvalidInputException.Collector problems) {
    return OrganisationSettings.validate(
        new LocalizedText(f.names()),
        f.shortName(),
        f.website(),
        f.mainCentres(),
        f.certificateSigner(),
        f.mailSenderName(),
        c -> regions.find(c).isPresent(),
        problems);
  }

  private List<CentreOption> centres(List<String> chosen, Ui ui) {
    var collator = com.ibm.icu.text.Collator.getInstance(new com.ibm.icu.util.ULocale(ui.lang()));
    return regions.all().stream()
        .sorted(Comparator.comparing((Region r) -> r.name(ui.lang()), collator::compare))
        .map(r -> new CentreOption(r.code(), r.name(ui.lang()), chosen.contains(r.code())))
        .toList();
  }
}
