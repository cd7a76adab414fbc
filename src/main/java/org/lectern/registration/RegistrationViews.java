package org.lectern.registration;

import java.util.List;
import java.util.Map;
import org.lectern.shared.i18n.LocalizedText.Shown;
import org.lectern.shared.web.FormErrors;

/** Typed views of the registration pages; templates only read them. */
public final class RegistrationViews {

  private RegistrationViews() {}

  public record Option(String value, String label) {}

  public record QuestionView(
      String field,
      String kind,
      Shown label,
      List<Option> options,
      boolean required,
      List<String> selected) {}

  public record SessionChoice(String field, Shown title, String when, String selected) {}

  public record FormPage(
      String slug,
      Shown title,
      boolean open,
      List<String> asked,
      List<String> required,
      List<Option> regions,
      List<Option> countries,
      List<Option> professions,
      List<Option> years,
      List<Option> genders,
      List<Option> languages,
      List<QuestionView> questions,
      Shown consent,
      List<SessionChoice> sessions,
      Map<String, String> values,
      FormErrors errors) {

    public boolean asks(String field) {
      return asked.contains(field);
    }

    public boolean requires(String field) {
      return required.contains(field);
    }

    public String value(String name) {
      return values.getOrDefault(name, "");
    }
  }

  public record DonePage(String slug, Shown title, String status, Integer position) {}

  /** "Check your inbox": the one answer to every public submission. */
  public record CheckInboxPage(String slug, Shown title) {}

  /**
   * The page a confirmation link opens: a button (a POST, so that mail scanners that open links do
   * not confirm), or why the link cannot be followed.
   */
  public record ConfirmPage(String slug, Shown title, String token, String refusal) {}

  public record Row(
      String id,
      String name,
      String email,
      String status,
      Integer position,
      String region,
      String registered,
      String undeliverable) {} // message key of why mail does not reach the address, or null

  public record AdminPage(
      String programmeId,
      Shown title,
      String status,
      String search,
      List<Row> rows,
      int total,
      Map<String, Integer> counts,
      int offset,
      int limit,
      String notice,
      String zone) { // the zone of the "registered" times, named in their column's heading

    public boolean hasNext() {
      return offset + limit < total;
    }
  }

  public record SettingsPage(
      String programmeId,
      Shown title,
      List<String> fields,
      List<String> asked,
      List<String> required,
      boolean open,
      boolean invitationOnly,
      boolean doubleOptIn,
      List<String> languages,
      Integer consentVersion,
      Map<String, String> consentTexts,
      List<QuestionRow> questions,
      FormErrors errors,
      String notice) {}

  public record QuestionRow(
      String id, String kind, Shown label, boolean required, boolean active) {}

  /** The invitation list page: upload form, errors, and everyone invited with their progress. */
  public record InvitationsPage(
      String programmeId,
      org.lectern.shared.i18n.LocalizedText.Shown programmeTitle,
      java.util.List<InvitationRow> invitations,
      int opened,
      int registered,
      org.lectern.shared.web.FormErrors errors,
      String notice) {}

  /** One invitee: when invited, opened and registered (empty when not yet). */
  public record InvitationRow(
      String name,
      String email,
      String language,
      String invited,
      String opened,
      String registered) {}
}
