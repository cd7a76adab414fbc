package org.lectern.programme;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A programme as the API shows it. {@code title} is in the main language; {@code titles} has all.
 */
public record ProgrammeJson(
    String id,
    String slug,
    String title,
    Map<String, String> titles,
    String description,
    Map<String, String> descriptions,
    String timeZone,
    List<String> languages,
    Integer capacity,
    boolean waitlist,
    boolean approvalRequired,
    BigDecimal cpdHours,
    String status,
    String organisationId,
    String url,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static ProgrammeJson of(Programme p, String baseUrl) {
    return new ProgrammeJson(
        p.id().toString(),
        p.slug(),
        p.title(p.mainLanguage()),
        p.title().values(),
        p.description(p.mainLanguage()),
        p.description().values(),
        p.timeZone().getId(),
        p.languages(),
        p.capacity(),
        p.waitlist(),
        p.approvalRequired(),
        p.cpdHours(),
        p.status().name(),
        p.organisationId().toString(),
        baseUrl + "/programmes/" + p.slug(),
        p.version(),
        p.createdAt().atZone(p.timeZone()).toOffsetDateTime(),
        p.updatedAt().atZone(p.timeZone()).toOffsetDateTime());
  }
}
