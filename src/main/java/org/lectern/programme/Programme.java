package org.lectern.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;
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
    if (isPublished()) {
      throw new ConflictException("programme.alreadyPublished");
    }
    return withStatus(PublicationStatus.PUBLISHED);
  }

  public Programme unpublish() {
    if (!isPublished()) {
      throw new ConflictException("programme.notPublished");
    }
    return withStatus(PublicationStatus.DRAFT);
  }

  Programme withStatus(PublicationStatus s) {
    return new Programme(
        id,
        organisationId,
        slug,
        title,
        description,
        languages,
        timeZone,
        cpdHours,
        capacity,
        waitlist,
        approvalRequired,
        s,
        version,
        createdAt,
        updatedAt);
  }

  Programme with(ProgrammeInput in) {
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
