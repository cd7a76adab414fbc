package org.lectern.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.programme.PublicationStatus;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.i18n.LocalizedText;

/**
 * One meeting of a programme. Times are instants; the programme's zone decides how they are shown
 * by default. {@code sequence} grows with every change so calendar clients replace the old entry.
 */
public record Session(
    UUID id,
    UUID programmeId,
    LocalizedText title,
    LocalizedText summary,
    Instant startsAt,
    Instant endsAt,
    DeliveryMode mode,
    LocalizedText venue,
    Integer roomCapacity,
    String language,
    List<String> interpretationLanguages,
    List<Integer> iccprArticles,
    MeetingProvider meetingProvider,
    String meetingUrl,
    PublicationStatus status,
    int sequence,
    Instant createdAt,
    Instant updatedAt) {

  public Duration duration() {
    return Duration.between(startsAt, endsAt);
  }

  public boolean isPublished() {
    return status == PublicationStatus.PUBLISHED;
  }

  public Session publish() {
    if (isPublished()) {
      throw new ConflictException("session.alreadyPublished");
    }
    return withStatus(PublicationStatus.PUBLISHED);
  }

  public Session unpublish() {
    if (!isPublished()) {
      throw new ConflictException("session.notPublished");
    }
    return withStatus(PublicationStatus.DRAFT);
  }

  private Session withStatus(PublicationStatus s) {
    return of(id, programmeId, input(), s, sequence, createdAt, updatedAt);
  }

  Session with(SessionInput in) {
    return of(id, programmeId, in, status, sequence, createdAt, updatedAt);
  }

  /** A new session of the programme, from checked input: a draft, or published at once. */
  static Session create(UUID programmeId, SessionInput in, boolean publish, Instant now) {
    PublicationStatus status = publish ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT;
    return of(UUID.randomUUID(), programmeId, in, status, 0, now, now);
  }

  /** What an organiser set on this session. */
  SessionInput input() {
    return new SessionInput(
        title,
        summary,
        startsAt,
        endsAt,
        mode,
        venue,
        roomCapacity,
        language,
        interpretationLanguages,
        iccprArticles,
        meetingProvider,
        meetingUrl);
  }

  private static Session of(
      UUID id,
      UUID programmeId,
      SessionInput in,
      PublicationStatus status,
      int sequence,
      Instant createdAt,
      Instant updatedAt) {
    return new Session(
        id,
        programmeId,
        in.title(),
        in.summary(),
        in.startsAt(),
        in.endsAt(),
        in.mode(),
        in.venue(),
        in.roomCapacity(),
        in.language(),
        in.interpretationLanguages(),
        in.iccprArticles(),
        in.meetingProvider(),
        in.meetingUrl(),
        status,
        sequence,
        createdAt,
        updatedAt);
  }
}
