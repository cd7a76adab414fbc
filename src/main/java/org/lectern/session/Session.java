package org.lectern.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.programme.PublicationStatus;
import org.lectern.shared.i18n.LocalizedText;

/**
 * One meeting of a programme: what an organiser set on it ({@link SessionInput}) and its life.
 * Times are instants; the programme's zone decides how they are shown by default. {@code sequence}
 * grows with every change so calendar clients replace the old entry.
 */
public record Session(
    UUID id,
    UUID programmeId,
    SessionInput input,
    PublicationStatus status,
    int sequence,
    Instant createdAt,
    Instant updatedAt) {

  public LocalizedText title() {
    return input.title();
  }

  public LocalizedText summary() {
    return input.summary();
  }

  public Instant startsAt() {
    return input.startsAt();
  }

  public Instant endsAt() {
    return input.endsAt();
  }

  public DeliveryMode mode() {
    return input.mode();
  }

  public LocalizedText venue() {
    return input.venue();
  }

  public Integer roomCapacity() {
    return input.roomCapacity();
  }

  public String language() {
    return input.language();
  }

  public List<String> interpretationLanguages() {
    return input.interpretationLanguages();
  }

  public List<Integer> iccprArticles() {
    return input.iccprArticles();
  }

  public MeetingProvider meetingProvider() {
    return input.meetingProvider();
  }

  public String meetingUrl() {
    return input.meetingUrl();
  }

  public Duration duration() {
    return Duration.between(startsAt(), endsAt());
  }

  public boolean isPublished() {
    return status == PublicationStatus.PUBLISHED;
  }

  public Session publish() {
    return withStatus(status.publish("session"));
  }

  public Session unpublish() {
    return withStatus(status.unpublish("session"));
  }

  private Session withStatus(PublicationStatus s) {
    return new Session(id, programmeId, input, s, sequence, createdAt, updatedAt);
  }

  Session with(SessionInput in) {
    return new Session(id, programmeId, in, status, sequence, createdAt, updatedAt);
  }

  /** A new session of the programme, from checked input: a draft, or published at once. */
  static Session create(UUID programmeId, SessionInput in, boolean publish, Instant now) {
    PublicationStatus status = publish ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT;
    return new Session(UUID.randomUUID(), programmeId, in, status, 0, now, now);
  }
}
