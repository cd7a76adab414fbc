package org.lectern.speaker;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.Membership;
import org.lectern.identity.UserService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/** Speakers belong to an organisation; its members maintain their profiles. */
@Service
public record SpeakerService(
    SpeakerRepository speakers, UserService users, Transactions transactions) {

  public static final int PHOTO_MAX_BYTES = 2 * 1024 * 1024;

  public Optional<Speaker> find(UUID id) {
    return speakers.find(id);
  }

  public Optional<Speaker> findPublished(UUID id) {
    return speakers.find(id).filter(Speaker::published);
  }

  public List<Speaker> findAll(Collection<UUID> ids) {
    return speakers.findAll(ids);
  }

  public List<Speaker> manageableBy(LecternUser actor) {
    List<UUID> orgs =
        users.memberships(actor.id()).stream().map(Membership::organisationId).toList();
    return speakers.byOrganisations(orgs, actor.platformAdmin());
  }

  public Speaker create(LecternUser actor, UUID organisationId, SpeakerInput in) {
    return transactions.result(() -> create(actor, organisationId, in, null));
  }

  /** Creates the speaker with a photo (null for none); a refused photo saves nothing. */
  public Speaker create(LecternUser actor, UUID organisationId, SpeakerInput in, byte[] photo) {
    return transactions.result(
        () -> {
          requireMember(actor, organisationId);
          SpeakerPhoto clean = photo == null ? null : cleaned(photo);
          UUID id = UUID.randomUUID();
          speakers.insert(id, organisationId, in);
          if (clean != null) {
            speakers.setPhoto(id, clean.bytes(), clean.type());
          }
          return speakers.find(id).orElseThrow();
        });
  }

  public Speaker update(LecternUser actor, UUID id, SpeakerInput in) {
    return transactions.result(() -> update(actor, id, in, null));
  }

  /** Changes the profile and, when {@code photo} is not null, the photo; all or nothing. */
  public Speaker update(LecternUser actor, UUID id, SpeakerInput in, byte[] photo) {
    return transactions.result(
        () -> {
          Speaker s = manageable(actor, id);
          SpeakerPhoto clean = photo == null ? null : cleaned(photo);
          speakers.update(s.id(), in);
          if (clean != null) {
            speakers.setPhoto(id, clean.bytes(), clean.type());
          }
          return speakers.find(id).orElseThrow();
        });
  }

  public void setPhoto(LecternUser actor, UUID id, byte[] bytes) {
    transactions.run(
        () -> {
          manageable(actor, id);
          SpeakerPhoto clean = cleaned(bytes);
          speakers.setPhoto(id, clean.bytes(), clean.type());
        });
  }

  /**
   * The photo as stored: its type detected from its bytes and everything but its pixels removed
   * (EXIF GPS position, camera, thumbnails — see {@link PhotoCleaner}); refuses other content,
   * large files and pictures too large to decode safely.
   */
  static SpeakerPhoto cleaned(byte[] bytes) {
    String type = photoType(bytes);
    if (PhotoCleaner.tooLarge(bytes)) {
      throw InvalidInputException.of("photo", "speaker.photo.dimensions", PhotoCleaner.MAX_SIDE);
    }
    byte[] clean = PhotoCleaner.clean(bytes, type);
    if (clean == null) {
      throw InvalidInputException.of("photo", "speaker.photo.type");
    }
    return new SpeakerPhoto(clean, type);
  }

  /** The detected media type of an acceptable photo; refuses other content and large files. */
  private static String photoType(byte[] bytes) {
    String type = PhotoTypes.detect(bytes);
    if (type == null) {
      throw InvalidInputException.of("photo", "speaker.photo.type");
    }
    if (bytes.length > PHOTO_MAX_BYTES) {
      throw InvalidInputException.of(
          "photo", "speaker.photo.tooLarge", PHOTO_MAX_BYTES / 1024 / 1024);
    }
    return type;
  }

  public Optional<SpeakerPhoto> photo(UUID id) {
    return speakers.find(id).filter(Speaker::published).flatMap(s -> speakers.photo(id));
  }

  public Speaker manageable(LecternUser actor, UUID id) {
    Speaker s = speakers.find(id).orElseThrow(() -> new NotFoundException("speaker.notFound"));
    requireMember(actor, s.organisationId());
    return s;
  }

  private void requireMember(LecternUser actor, UUID organisationId) {
    boolean ok =
        actor != null
            && (actor.platformAdmin()
                || users.memberships(actor.id()).stream()
                    .anyMatch(m -> m.organisationId().equals(organisationId)));
    if (!ok) {
      throw new ForbiddenException("speaker.cannotManage");
    }
  }
}
