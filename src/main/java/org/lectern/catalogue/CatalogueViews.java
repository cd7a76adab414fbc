package org.lectern.catalogue;

import java.util.List;
import org.lectern.shared.i18n.LocalizedText.Shown;

/** Typed views of the public pages; templates only read them. */
public final class CatalogueViews {

  private CatalogueViews() {}

  public record HomePage(List<ProgrammeCard> upcoming, List<ProgrammeCard> past) {}

  public record ProgrammeCard(
      String slug,
      Shown title,
      String excerpt,
      String dates,
      String modes,
      List<String> languages) {}

  public record ProgrammePage(
      String slug,
      Shown title,
      String descriptionHtml,
      String descriptionLang,
      String dates,
      List<String> languages,
      String cpdHours,
      String zoneNote,
      boolean published,
      List<SessionRow> sessions,
      List<PersonLink> speakers,
      List<PartnerView> partners,
      boolean registrationOpen) {}

  public record SessionRow(
      String id,
      Shown title,
      String when,
      String whenProgramme,
      String startIso,
      String modeKey,
      String language,
      List<String> interpretation,
      List<TopicLink> topics,
      List<PersonLink> speakers,
      Shown venue,
      boolean published) {}

  public record SessionPage(
      SessionRow session,
      String programmeSlug,
      Shown programmeTitle,
      String abstractHtml,
      String abstractLang,
      String zoneNote,
      String duration,
      Integer roomCapacity) {}

  public record TopicLink(int number, String subjectKey) {}

  public record PersonLink(String id, String name, String roleKey) {}

  public record PartnerView(
      String roleKey, Shown name, String website, Shown acknowledgement, Shown disclaimer) {}

  public record SpeakerPage(
      String id,
      String name,
      String affiliation,
      String bioHtml,
      String bioLang,
      boolean hasPhoto,
      List<SessionLink> sessions) {}

  public record SessionLink(String id, Shown title, Shown programmeTitle, String when) {}

  public record ArticlePage(
      int number,
      String subjectKey,
      String partKey,
      boolean nonDerogable,
      List<SessionLink> sessions,
      Integer previous,
      Integer next) {}

  public record ArticleIndexPage(List<TopicLink> articles) {}
}
