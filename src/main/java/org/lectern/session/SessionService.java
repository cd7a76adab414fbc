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
import org.lectern.speaker.Speaker;
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
          SessionInput in = validate(actor, raw, programme, people, List.of(), problems);
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
          List<UUID> kept =
              sessions.speakers(sessionId).stream().map(SessionSpeaker::speakerId).toList();
          SessionInput in = validate(actor, raw, programme, people, kept, problems);
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

  /**
   * Checks the input; a speaker may be chosen when they are of the programme's organisation, of one
   * the actor belongs to (all for a platform administrator: the speakers the form offers), or
   * already on the session ({@code kept}). Any other speaker — another organisation's profile,
   * published or not — is refused exactly as an id that exists nowhere.
   */
  private SessionInput validate(
      LecternUser actor,
      SessionInput.Raw raw,
      Programme programme,
      List<SessionSpeaker> people,
      List<UUID> kept,
      InvalidInputException.Collector problems) {
    List<UUID> ids = people.stream().map(SessionSpeaker::speakerId).distinct().toList();
    var found = speakers.findAll(ids);
    var theirs =
        found.stream().anyMatch(sp -> !sp.organisationId().equals(programme.organisationId()))
            ? speakers.manageableBy(actor).stream().map(Speaker::id).toList()
            : List.<UUID>of();
    long choosable =
        found.stream()
            .filter(
                sp ->
                    sp.organisationId().equals(programme.organisationId())
                        || kept.contains(sp.id())
                        || theirs.contains(sp.id()))
            .count();
    problems.check(choosable == ids.size(), "speakers", "session.speaker.unknown");
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
