package org.lectern.news;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.speaker.SpeakerService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Writing, publishing and reading posts. Every member of the organisation (ADMIN or MEMBER) may
 * write its posts; anyone else meets 404, as for everything of another organisation.
 */
@Service
public record Posts(
    PostRepository posts,
    OrganisationService organisations,
    ProgrammeService programmes,
    SpeakerService speakers,
    PostSlugs slugs,
    Clock clock,
    Transactions transactions) {

  static final int MAX_IMAGES = 30;

  /** The organisation, if the user may write its posts (404 otherwise). */
  public Organisation writable(LecternUser user, UUID organisationId) {
    return organisations.visible(user, organisationId);
  }

  /**
   * The post, if the user may edit it; otherwise the same 404 as for a post that does not exist (an
   * organisation's "not found" would tell that the id is another organisation's post).
   */
  public Post editable(LecternUser user, UUID id) {
    return posts.find(id).filter(p -> canEdit(user, p)).orElseThrow(Posts::notFound);
  }

  public List<Post> ofOrganisation(LecternUser user, UUID organisationId) {
    writable(user, organisationId);
    return posts.ofOrganisation(organisationId);
  }

  public Post create(LecternUser user, UUID organisationId, PostForm form) {
    return transactions.result(
        () -> {
          writable(user, organisationId);
          form.validate();
          checkReferences(organisationId, form);
          String slug = form.slug().isEmpty() ? slugs.from(form) : form.slug();
          var now = clock.instant();
          Post p =
              new Post(
                  UUID.randomUUID(),
                  organisationId,
                  PostForm.uuid(form.programmeId()),
                  slug,
                  PostForm.uuid(form.authorId()),
                  Post.Status.DRAFT,
                  null,
                  now,
                  form.texts());
          claimSlug(p, () -> posts.insert(p));
          return p;
        });
  }

  public Post update(LecternUser user, UUID id, PostForm form) {
    return transactions.result(
        () -> {
          Post old = editable(user, id);
          form.validate();
          checkReferences(old.organisationId(), form);
          Post p =
              new Post(
                  id,
                  old.organisationId(),
                  PostForm.uuid(form.programmeId()),
                  form.slug().isEmpty() ? old.slug() : form.slug(),
                  PostForm.uuid(form.authorId()),
                  old.status(),
                  old.publishedAt(),
                  clock.instant(),
                  form.texts());
          claimSlug(p, () -> posts.update(p));
          return p;
        });
  }

  public Post publish(LecternUser user, UUID id) {
    return transactions.result(
        () -> {
          Post p = editable(user, id).published(clock.instant());
          posts.update(p);
          return p;
        });
  }

  public Post unpublish(LecternUser user, UUID id) {
    return transactions.result(
        () -> {
          Post old = editable(user, id);
          Post p =
              new Post(
                  id,
                  old.organisationId(),
                  old.programmeId(),
                  old.slug(),
                  old.authorSpeakerId(),
                  Post.Status.DRAFT,
                  old.publishedAt(),
                  clock.instant(),
                  old.texts());
          posts.update(p);
          return p;
        });
  }

  public void delete(LecternUser user, UUID id) {
    transactions.run(
        () -> {
          editable(user, id);
          posts.delete(id);
        });
  }

  /** Stores a picture for the post; returns its id. The bytes are checked and cleaned first. */
  public UUID addImage(LecternUser user, UUID id, byte[] bytes) {
    return transactions.result(
        () -> {
          editable(user, id);
          var picture = PostPictures.clean(bytes);
          if (posts.images(id).size() >= MAX_IMAGES) {
            throw InvalidInputException.of("image", "news.image.tooMany", MAX_IMAGES);
          }
          UUID image = UUID.randomUUID();
          posts.addImage(image, id, picture.type(), picture.bytes(), clock.instant());
          return image;
        });
  }

  public List<UUID> images(UUID postId) {
    return posts.images(postId);
  }

  /** A picture, if its post is published or the viewer may edit the post. */
  public Optional<PostRepository.Image> image(LecternUser viewer, UUID imageId) {
    return posts
        .image(imageId)
        .filter(
            i ->
                posts
                    .find(i.postId())
                    .filter(p -> p.isPublished() || canEdit(viewer, p))
                    .isPresent());
  }

  /** A published post by its address; drafts too for those who may edit them. */
  public Optional<Post> readable(LecternUser viewer, String slug) {
    return posts.findBySlug(slug).filter(p -> p.isPublished() || canEdit(viewer, p));
  }

  public List<Post> published(UUID organisationId, UUID programmeId, int limit) {
    return posts.published(organisationId, programmeId, limit);
  }

  private boolean canEdit(LecternUser viewer, Post p) {
    try {
      organisations.visible(viewer, p.organisationId());
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private void checkReferences(UUID organisationId, PostForm form) {
    var problems = new InvalidInputException.Collector();
    UUID programme = PostForm.uuid(form.programmeId());
    problems.check(
        programme == null
            || programmes
                .find(programme)
                .filter(p -> p.organisationId().equals(organisationId))
                .isPresent(),
        "programmeId",
        "validation.choice");
    UUID author = PostForm.uuid(form.authorId());
    problems.check(
        author == null
            || speakers
                .find(author)
                .filter(s -> s.organisationId().equals(organisationId))
                .isPresent(),
        "authorId",
        "validation.choice");
    problems.throwIfAny();
  }

  private void claimSlug(Post p, Runnable write) {
    if (posts.slugTaken(p.slug(), p.id())) {
      throw InvalidInputException.of("slug", "news.form.slugTaken");
    }
    try {
      write.run();
    } catch (DuplicateKeyException e) {
      throw InvalidInputException.of("slug", "news.form.slugTaken");
    }
  }

  static NotFoundException notFound() {
    return new NotFoundException("news.notFound");
  }
}
