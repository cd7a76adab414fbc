package org.lectern.news;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.text.Slugs;
import org.lectern.shared.text.TextInput;

/**
 * What an organiser writes: a title and a body in each language they want (at least one), the
 * address (slug; made from the title when empty), the programme it is about and its author, both
 * optional. Field names: {@code title_en}, {@code body_en}, … for each language.
 */
public record PostForm(
    String slug, String programmeId, String authorId, Map<String, Post.Text> texts) {

  public static final List<String> LANGUAGES = List.of("en", "ru", "kk");
  public static final int BODY_MAX = 50_000;

  public PostForm {
    texts = Map.copyOf(texts);
  }

  public static PostForm blank() {
    return new PostForm("", "", "", Map.of());
  }

  public static PostForm of(Post p) {
    return new PostForm(
        p.slug(),
        p.programmeId() == null ? "" : p.programmeId().toString(),
        p.authorSpeakerId() == null ? "" : p.authorSpeakerId().toString(),
        p.texts());
  }

  /** Reads the form's fields by their names. */
  public static PostForm read(Map<String, String> fields) {
    Map<String, Post.Text> texts = new LinkedHashMap<>();
    for (String l : LANGUAGES) {
      String title = fields.getOrDefault("title_" + l, "").strip();
      String body = fields.getOrDefault("body_" + l, "").strip();
      if (!title.isEmpty() || !body.isEmpty()) {
        texts.put(l, new Post.Text(title, body));
      }
    }
    return new PostForm(
        fields.getOrDefault("slug", "").strip(),
        fields.getOrDefault("programmeId", "").strip(),
        fields.getOrDefault("authorId", "").strip(),
        texts);
  }

  public String title(String lang) {
    return texts.containsKey(lang) ? texts.get(lang).title() : "";
  }

  public String body(String lang) {
    return texts.containsKey(lang) ? texts.get(lang).body() : "";
  }

  /** Checks the rules that need nothing but the form; throws every broken one at once. */
  void validate() {
    var p = new InvalidInputException.Collector();
    p.check(!texts.isEmpty(), "title_" + LANGUAGES.get(0), "news.form.noLanguage");
    texts.forEach(
        (l, t) -> {
          p.check(!t.title().isEmpty(), "title_" + l, "news.form.titleRequired");
          TextInput.check(p, "title_" + l, t.title(), TextInput.Kind.TITLE);
          p.check(
              t.body().codePointCount(0, t.body().length()) <= BODY_MAX,
              "body_" + l,
              "validation.tooLong",
              BODY_MAX);
        });
    p.check(slug.isEmpty() || Slugs.isValid(slug), "slug", "news.form.slugInvalid");
    p.check(programmeId.isEmpty() || uuid(programmeId) != null, "programmeId", "validation.choice");
    p.check(authorId.isEmpty() || uuid(authorId) != null, "authorId", "validation.choice");
    p.throwIfAny();
  }

  static UUID uuid(String s) {
    try {
      return s == null || s.isEmpty() ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
