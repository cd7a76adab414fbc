package org.lectern.session;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.speaker.SpeakerService;
import org.springframework.stereotype.Service;

/** Sessions of programmes: scheduling, speakers, publishing, and finding what the public sees. */
@Service
public record SessionService(
    SessionRepository sessions,
    ProgrammeService programmes,
    SpeakerService speakers,
    Clock clock,
    Transactions transactions) {

  public Session create(
      LecternUser actor,
      UUID programmeId,
      SessionInput.Raw raw,
      List<SessionSpeaker> people,
      boolean publish) {
    return create(actor, programmeId, raw, people, publish, new InvalidInputException.Collector());
  }

  /**
   * As above, reporting together with the problems the caller found while reading the raw values (a
   * date that did not parse, say): then nothing is saved.
   */
  public Session create(
      LecternUser actor,
      UUID programmeId,
      SessionInput.Raw raw,
      List<SessionSpeaker> people,
      boolean publish,
      InvalidInputException.Collector problems) {
    return transactions.result(
        () -> {
          Programme programme = programmes.manageable(actor, programmeId);
          SessionInput in = validate(raw, programme, people, problems);
          Session s = Session.create(programmeId, in, publish, clock.instant());
          sessions.insert(s);
          sessions.replaceSpeakers(s.id(), people);
          return s;
        });
  }

  public Session update(
      LecternUser actor, UUID sessionId, SessionInput.Raw raw, List<SessionSpeaker> people) {
    return update(actor, sessionId, raw, people, new InvalidInputException.Collector());
  }

  public Session update(
      LecternUser actor,
      UUID sessionId,
      SessionInput.Raw raw,
      List<SessionSpeaker> people,
      InvalidInputException.Collector problems) {
    return transactions.result(
        () -> {
          Session current = manageable(actor, sessionId);
          Programme programme = programmes.find(current.programmeId()).orElseThrow();
          SessionInput in = validate(raw, programme, people, problems);
          sessions.update(current.with(in));
          sessions.replaceSpeakers(sessionId, people);
          return sessions.find(sessionId).orElseThrow();
        });
  }

  public Session publish(LecternUser actor, UUID sessionId) {
    return transactions.result(
        () -> {
          sessions.update(manageable(actor, sessionId).publish());
          return sessions.find(sessionId).orElseThrow();
        });
  }

  public Session unpublish(LecternUser actor, UUID sessionId) {
    return transactions.result(
        () -> {
          sessions.update(manageable(actor, sessionId).unpublish());
          return sessions.find(sessionId).orElseThrow();
        });
  }

  private SessionInput validate(
      SessionInput.Raw raw,
      Programme programme,
      List<SessionSpeaker> people,
      InvalidInputException.Collector problems) {
    List<UUID> ids = people.stream().map(SessionSpeaker::speakerId).distinct().toList();
    problems.check(
        speakers.findAll(ids).size() == ids.size(), "speakers", "session.speaker.unknown");
    return SessionInput.validate(raw, programme, problems);
  }

  public Session manageable(LecternUser actor, UUID sessionId) {
    Session s =
        sessions.find(sessionId).orElseThrow(() -> new NotFoundException("session.notFound"));
    programmes.manageable(actor, s.programmeId());
    return s;
  }

  /** A session the actor may see: published in a published programme, or theirs to manage. */
  public Session visible(LecternUser actor, UUID sessionId) {
    Session s =
        sessions.find(sessionId).orElseThrow(() -> new NotFoundException("session.notFound"));
    Programme p = programmes.visible(actor, s.programmeId());
    if (!s.isPublished() && !programmes.canManage(actor, p)) {
      throw new NotFoundException("session.notFound");
    }
    return s;
  }

  public Optional<Session> find(UUID id) {
    return sessions.find(id);
  }

  /** The programme of a session (a session never changes programme). */
  public Optional<UUID> programmeOf(UUID sessionId) {
    return sessions.programmeOf(sessionId);
  }

  public List<Session> ofProgramme(UUID programmeId) {
    return sessions.ofProgramme(programmeId);
  }

  public List<Session> publishedOfProgramme(UUID programmeId) {
    return sessions.ofProgramme(programmeId).stream().filter(Session::isPublished).toList();
  }

  /** Sessions of a programme as the actor may see them. */
  public List<Session> visibleOfProgramme(LecternUser actor, UUID programmeId) {
    Programme p = programmes.visible(actor, programmeId);
    return programmes.canManage(actor, p)
        ? ofProgramme(programmeId)
        : publishedOfProgramme(programmeId);
  }

  public List<Session> publishedWithArticle(int article) {
    return sessions.publishedWithArticle(article);
  }

  public List<Session> publishedWithSpeaker(UUID speakerId) {
    return sessions.publishedWithSpeaker(speakerId);
  }

  public List<SessionSpeaker> speakers(UUID sessionId) {
    return sessions.speakers(sessionId);
  }
}
