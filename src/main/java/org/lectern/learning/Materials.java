package org.lectern.learning;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.session.SessionSpeaker;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.speaker.SpeakerAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Materials of a session (slides, handouts): uploaded by the programme's organisers or the
 * session's own speakers, checked by {@link MaterialFile}, kept in the database (sealed under the
 * programme's key unless public), and handed out by the same access rule as the recording: to
 * anyone, to confirmed delegates through their personal link, or only to those who attended.
 */
@Service
record Materials(
    ProgrammeService programmes,
    SessionService sessions,
    SpeakerAccounts speakers,
    MaterialRepository repository,
    RecordingRepository recordings,
    PersonalDataCipher cipher,
    AuditLog audit,
    Clock clock,
    @Value("${lectern.materials.max-bytes:52428800}") long maxBytes,
    Transactions transactions) {

  static final String CONTENT = MaterialRepository.SEALED_CONTENT;

  /** A session whose materials the actor may change, and its programme. */
  record Staffed(Programme programme, Session session, boolean manager) {}

  /**
   * The programme's organisers, its speakers (programme role) and the session's own speakers (their
   * speaker record linked to the account). Anyone else: 403 when they can see the programme, 404
   * otherwise (as for managing it).
   */
  Staffed staffed(LecternUser actor, UUID sessionId) {
    if (actor == null) {
      throw new org.lectern.shared.error.UnauthenticatedException("identity.unauthenticated");
    }
    Session s =
        sessions.find(sessionId).orElseThrow(() -> new NotFoundException("session.notFound"));
    Programme p = programmes.find(s.programmeId()).orElseThrow();
    if (actor != null && programmes.canManage(actor, p)) {
      return new Staffed(p, s, true);
    }
    if (actor != null
        && (programmes.hasRole(actor, p, ProgrammeRole.SPEAKER)
            || speakers.isAny(
                actor,
                sessions.speakers(s.id()).stream().map(SessionSpeaker::speakerId).toList()))) {
      return new Staffed(p, s, false);
    }
    programmes.manageable(actor, p.id());
    throw new NotFoundException("session.notFound");
  }

  List<Material> ofSession(UUID sessionId) {
    return repository.ofSession(sessionId);
  }

  /** Checks and stores an upload; nothing is stored when it is refused. */
  Material upload(
      LecternUser actor,
      UUID sessionId,
      String title,
      String accessName,
      String fileName,
      byte[] sent) {
    return transactions.result(
        () -> {
          byte[] bytes = sent; // an image is stored cleaned of its metadata
          Staffed st = staffed(actor, sessionId);
          var errors = new InvalidInputException.Collector();
          String t = title == null ? "" : title.strip();
          errors.check(!t.isEmpty(), "title", "learning.material.titleRequired");
          errors.check(t.length() <= 200, "title", "learning.material.titleTooLong", 200);
          RecordingAccess access = null;
          try {
            access = RecordingAccess.valueOf(accessName == null ? "" : accessName);
          } catch (IllegalArgumentException e) {
            errors.check(false, "access", "learning.recording.access.invalid");
          }
          MaterialFile.Kind kind = null;
          if (bytes == null || bytes.length == 0) {
            errors.check(false, "file", "learning.material.empty");
          } else if (bytes.length > maxBytes) {
            errors.check(false, "file", "learning.material.tooBig", maxBytes / (1024 * 1024));
          } else {
            try {
              kind = MaterialFile.check(bytes, fileName == null ? "" : fileName);
              if (kind == MaterialFile.Kind.PNG || kind == MaterialFile.Kind.JPEG) {
                bytes = MaterialFile.cleanImage(bytes, kind);
              }
            } catch (InvalidInputException e) {
              e.fields().forEach(f -> errors.add(f.field(), f.code(), f.args()));
            }
          }
          errors.throwIfAny();
          boolean sealed = access != RecordingAccess.PUBLIC;
          var stored =
              new MaterialRepository.Stored(
                  UUID.randomUUID(),
                  st.session().id(),
                  st.programme().id(),
                  t,
                  MaterialFile.cleanName(fileName, kind),
                  kind.contentType,
                  bytes.length,
                  Sha256.hex(bytes),
                  access,
                  sealed,
                  sealed
                      ? cipher.forProgramme(st.programme().id()).encryptBytes(bytes, CONTENT)
                      : bytes,
                  actor.id(),
                  clock.instant());
          repository.insert(stored);
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "learning.materialUploaded",
                  st.programme().organisationId(),
                  "session",
                  sessionId.toString(),
                  1,
                  stored.fileName()));
          return repository.find(stored.id()).orElseThrow();
        });
  }

  void delete(LecternUser actor, UUID sessionId, UUID materialId) {
    transactions.run(
        () -> {
          Staffed st = staffed(actor, sessionId);
          if (!repository.delete(sessionId, materialId)) {
            throw new NotFoundException("learning.material.notFound");
          }
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "learning.materialDeleted",
                  st.programme().organisationId(),
                  "session",
                  sessionId.toString(),
                  1,
                  materialId.toString()));
        });
  }

  /** A material and its bytes, to send. */
  record File(Material material, byte[] bytes) {}

  /** For the session's staff. */
  File forStaff(LecternUser actor, UUID sessionId, UUID materialId) {
    staffed(actor, sessionId);
    return file(materialId, sessionId).orElseThrow(Materials::notFound);
  }

  /** For anyone: public materials of published sessions of published programmes. */
  File forPublic(UUID materialId) {
    var m = repository.find(materialId).filter(Material::isPublic).orElseThrow(Materials::notFound);
    Session s = sessions.find(m.sessionId()).orElseThrow(Materials::notFound);
    Programme p = programmes.find(m.programmeId()).orElseThrow(Materials::notFound);
    if (!s.isPublished() || !p.isPublished()) {
      throw notFound();
    }
    return file(materialId, m.sessionId()).orElseThrow(Materials::notFound);
  }

  /** Materials of the viewer's session they may open now. */
  List<Material> visibleTo(Recordings.Viewer v) {
    return visibleTo(v.registration().id(), v.session().id());
  }

  /** Materials of a session a confirmed delegate may open (attended-only ones if they attended). */
  List<Material> visibleTo(UUID registrationId, UUID sessionId) {
    List<Material> all = repository.ofSession(sessionId);
    if (all.isEmpty()) {
      return all;
    }
    boolean attended = recordings.attended(registrationId, sessionId);
    return all.stream().filter(m -> m.access() != RecordingAccess.ATTENDED || attended).toList();
  }

  /** For a delegate through their personal link; the download is noted for the organiser. */
  File forDelegate(Recordings.Viewer v, UUID materialId) {
    return transactions.result(
        () -> {
          Material m =
              visibleTo(v).stream()
                  .filter(x -> x.id().equals(materialId))
                  .findFirst()
                  .orElseThrow(Materials::notFound);
          repository.download(m.id(), v.session().id(), v.registration().id(), clock.instant());
          return file(m.id(), v.session().id()).orElseThrow(Materials::notFound);
        });
  }

  List<Material> publicOfProgramme(UUID programmeId) {
    return repository.publicOfProgramme(programmeId);
  }

  List<MaterialRepository.Download> downloads(UUID sessionId) {
    return repository.downloads(sessionId);
  }

  private Optional<File> file(UUID materialId, UUID sessionId) {
    var m = repository.find(materialId).filter(x -> x.sessionId().equals(sessionId));
    if (m.isEmpty()) {
      return Optional.empty();
    }
    var c = repository.content(materialId).orElseThrow();
    byte[] bytes = c.sealed() ? cipher.decryptBytes(c.bytes(), CONTENT) : c.bytes();
    return bytes == null ? Optional.empty() : Optional.of(new File(m.get(), bytes));
  }

  private static NotFoundException notFound() {
    return new NotFoundException("learning.material.notFound");
  }
}
