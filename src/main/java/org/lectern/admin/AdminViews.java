package org.lectern.admin;

import java.util.List;
import org.lectern.shared.i18n.LocalizedText.Shown;
import org.lectern.shared.web.FormErrors;

/** Typed views of the back-office pages; templates only read them. */
public final class AdminViews {

  private AdminViews() {}

  /** One choice of a select; {@code lang} is the language of the label when it is content. */
  public record Option(String value, String label, String lang) {}

  /**
   * The start page: what the person manages, funds or works the door of, and only the links to
   * pages they may open ({@code mayCreateProgrammes}: member of an organisation or platform
   * administrator; {@code mayManageUsers}: administrators).
   */
  public record DashboardPage(
      List<ProgrammeRow> programmes,
      List<ProgrammeRow> funded,
      List<DoorRow> door,
      List<SpeakerSessionRow> speaking,
      List<OwnProfileRow> profiles,
      boolean mayCreateProgrammes,
      boolean mayManageSpeakers,
      boolean mayManageUsers) {}

  /** A session whose door the user works (role DOOR): where to check people in, and when. */
  public record DoorRow(
      String sessionId, Shown title, String when, String zone, String programmeWhen) {}

  public record ProgrammeRow(
      String id, String slug, Shown title, boolean published, List<String> languages) {}

  public record ProgrammeFormPage(
      String id,
      String slug,
      boolean published,
      ProgrammeForm form,
      FormErrors errors,
      List<Option> organisations,
      Shown organisationName,
      List<String> zones,
      String savedZone,
      List<SessionRow> sessions,
      PartnerSection partners) {

    public boolean isNew() {
      return id == null;
    }
  }

  public record SessionRow(String id, Shown title, String when, boolean published) {}

  public record PartnerSection(
      List<PartnerRow> rows,
      List<PartnerRow> proposals,
      PartnerForm form,
      FormErrors errors,
      List<String> languages) {}

  /**
   * An organisation's proposals page: its name, the proposals awaiting an answer and the programmes
   * that name it with its agreement.
   */
  public record ProposalsPage(
      String organisationId, Shown organisation, List<ProposalRow> rows, List<ProposalRow> named) {}

  /** One proposal: which programme, whose, in which role, with the text it would show. */
  public record ProposalRow(
      String programmeId, Shown programme, Shown host, String role, Shown acknowledgement) {}

  public record PartnerRow(
      String organisationId, String role, Shown name, Shown acknowledgement, Shown disclaimer) {}

  public record SessionFormPage(
      String id,
      String programmeId,
      Shown programmeTitle,
      String zone,
      List<String> languages,
      boolean published,
      SessionForm form,
      FormErrors errors,
      List<Option> speakers,
      List<ArticleOption> articles) {

    public boolean isNew() {
      return id == null;
    }
  }

  public record ArticleOption(int number, String subjectKey) {}

  public record SpeakerListPage(List<SpeakerRow> speakers) {}

  public record SpeakerRow(String id, String name, String affiliation, boolean published) {}

  public record SpeakerFormPage(
      String id,
      SpeakerForm form,
      FormErrors errors,
      List<Option> organisations,
      boolean hasPhoto,
      int photoMaxMb,
      SpeakerAccountSection account) {

    public boolean isNew() {
      return id == null;
    }
  }

  /**
   * Whether the speaker can sign in: linked to an account, invited, or neither — with the form to
   * invite them (an e-mail address and the language of the invitation).
   */
  public record SpeakerAccountSection(
      String linkedEmail, String invitedEmail, String email, String language, FormErrors errors) {}

  /**
   * The speaker's own back office: their sessions and their profiles. {@code programmeWhen} is the
   * time in the programme's zone, named, when the viewer's zone is another (else null).
   */
  public record SpeakerSessionRow(
      String sessionId,
      Shown title,
      Shown programme,
      String when,
      String zone,
      String programmeWhen) {}

  public record OwnProfileRow(String speakerId, String name) {}

  /** A speaker edits their own profile: biography in each language of their programmes. */
  public record OwnProfilePage(
      String speakerId,
      String name,
      String affiliation,
      List<String> languages,
      java.util.Map<String, String> bio,
      boolean hasPhoto,
      int photoMaxMb,
      FormErrors errors) {

    public String bio(String lang) {
      return bio.getOrDefault(lang, "");
    }
  }
}
