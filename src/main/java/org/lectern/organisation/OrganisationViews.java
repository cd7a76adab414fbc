package org.lectern.organisation;

import java.util.List;
import java.util.Map;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;

/** Records the organisation pages are rendered from (never the persistence records). */
public final class OrganisationViews {

  private OrganisationViews() {}

  /** The settings form as typed. */
  public record OrganisationForm(
      Map<String, String> names,
      String shortName,
      String slug,
      String website,
      List<String> mainCentres,
      String certificateSigner,
      String mailSenderName) {

    static OrganisationForm blank() {
      return new OrganisationForm(
          Map.of(), "", "", "", OrganisationService.DEFAULT_MAIN_CENTRES, "", "");
    }

    static OrganisationForm of(Organisation o) {
      return new OrganisationForm(
          o.name().values(),
          nz(o.shortName()),
          o.slug(),
          nz(o.website()),
          o.mainCentres(),
          nz(o.certificateSigner()),
          nz(o.mailSenderName()));
    }

    static OrganisationForm from(FormData d) {
      return new OrganisationForm(
          d.text("name").values(),
          d.get("shortName"),
          d.get("slug"),
          d.get("website"),
          d.all("mainCentres"),
          d.get("certificateSigner"),
          d.get("mailSenderName"));
    }

    public String name(String lang) {
      return names.getOrDefault(lang, "");
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }
  }

  public record CentreOption(String code, String name, boolean checked) {}

  /** The set-up page (new) and the settings page (existing) share one form. */
  public record SettingsPage(
      boolean isNew,
      boolean firstRun,
      String id,
      String title,
      OrganisationForm form,
      List<CentreOption> centres,
      FormErrors errors,
      String logoUrl,
      boolean canSeeMembers,
      org.lectern.identity.SecondFactorPolicy secondFactor) {}

  public record OrganisationRow(
      String id, String name, String lang, String slug, boolean administers, String logoUrl) {}

  public record ListPage(List<OrganisationRow> rows, boolean canCreate) {}

  public record MemberRow(
      String userId, String fullName, String email, String role, String lastSignIn, boolean you) {}

  /** An invitation waiting for its person: what the inviter typed, never the account's name. */
  public record InvitedRow(String id, String fullName, String email, String role, String expires) {}

  /** The invitee's view: which organisation invites them, in which role. */
  public record InvitationPage(
      String token, String organisationName, String organisationLang, String role) {}

  public record InviteForm(String email, String fullName, String role, String language) {
    static InviteForm blank(String language) {
      return new InviteForm("", "", "MEMBER", language);
    }
  }

  public record MembersPage(
      String organisationId,
      String organisationName,
      String organisationLang,
      List<MemberRow> members,
      List<InvitedRow> invited,
      InviteForm invite,
      FormErrors errors) {}
}
