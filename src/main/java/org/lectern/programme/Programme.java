package org.lectern.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/**
 * A series of training sessions. Its languages are ordered: the first is the main language, the one
 * organiser-written text falls back to.
 */
public record Programme(
    UUID id,
    UUID organisationId,
    String slug,
    LocalizedText title,
    LocalizedText description,
    List<String> languages,
    ZoneId timeZone,
    BigDecimal cpdHours,
    Integer capacity,
    boolean waitlist,
    boolean approvalRequired,
    PublicationStatus status,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  public String mainLanguage() {
    return languages.get(0);
  }

  public String title(String lang) {
    return title.in(lang, languages);
  }

  public String description(String lang) {
    return description.in(lang, languages);
  }

  public boolean isPublished() {
    return status == PublicationStatus.PUBLISHED;
  }

  public Programme publish() {
    return withStatus(status.publish("programme"));
  }

  public Programme unpublish() {
    return withStatus(status.unpublish("programme"));
  }

  Programme withStatus(PublicationStatus s) {
    return of(id, organisationId, input(), s, version, createdAt, updatedAt);
  }

  Programme with(ProgrammeInput in) {
    return of(id, organisationId, in, status, version, createdAt, updatedAt);
  }

  /** A new programme of the organisation, from checked input: always a draft at first. */
  static Programme create(UUID organisationId, ProgrammeInput in, Instant now) {
    return of(UUID.randomUUID(), organisationId, in, PublicationStatus.DRAFT, 0, now, now);
  }

  /** What an organiser set on this programme. */
  ProgrammeInput input() {
    return new ProgrammeInput(
        slug,
        title,
        description,
        languages,
        timeZone,
        cpdHours,
        capacity,
        waitlist,
        approvalRequired);
  }

  private static Programme of(
      UUID id,
      UUID organisationId,
      ProgrammeInput in,
      PublicationStatus status,
      int version,
      Instant createdAt,
      Instant updatedAt) {
    return new Programme(
        id,
        organisationId,
        in.slug(),
        in.title(),
        in.description(),
        in.languages(),
        in.timeZone(),
        in.cpdHours(),
        in.capacity(),
        in.waitlist(),
        in.approvalRequired(),
        status,
        version,
        createdAt,
        updatedAt);
  }
}
