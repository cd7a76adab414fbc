package org.lectern.news;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reflection or a piece of news an organisation publishes: language versions of a title and a
 * CommonMark body, optionally about one of its programmes, signed by one of its speakers (whose
 * public profile is the author's).
 */
public record Post(
    UUID id,
    UUID organisationId,
    UUID programmeId,
    String slug,
    UUID authorSpeakerId,
    Status status,
    Instant publishedAt,
    Instant updatedAt,
    Map<String, Text> texts) {

  /** Whether the public may see it. */
  public enum Status {
    DRAFT,
    PUBLISHED
  }

  /** One language version. */
  public record Text(String title, String body) {}

  public Post {
    texts = Map.copyOf(texts);
  }

  public boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  /** The version in {@code lang}, else in the first of {@code fallbacks} the post has, else any. */
  public Shown in(String lang, List<String> fallbacks) {
    if (texts.containsKey(lang)) {
      return new Shown(lang, texts.get(lang));
    }
    for (String f : fallbacks) {
      if (texts.containsKey(f)) {
        return new Shown(f, texts.get(f));
      }
    }
    var any =
        texts.entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst().orElseThrow();
    return new Shown(any.getKey(), any.getValue());
  }

  /** A language version chosen for a reader, with the language it is in. */
  public record Shown(String lang, Text text) {}

  /** Publishing needs nothing more than a saved post; it is dated the first time. */
  Post published(Instant now) {
    return new Post(
        id,
        organisationId,
        programmeId,
        slug,
        authorSpeakerId,
        Status.PUBLISHED,
        publishedAt == null ? now : publishedAt,
        now,
        texts);
  }
}
