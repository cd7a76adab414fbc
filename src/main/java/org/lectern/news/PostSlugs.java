package org.lectern.news;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Addresses made from a post's title, in Latin letters whatever its language; a short random tail
 * keeps two posts with one title apart without asking the database first.
 */
@Component
class PostSlugs {

  private static final ThreadLocal<Transliterator> LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
  private static final int MAX = 60;

  String from(PostForm form) {
    String title =
        PostForm.LANGUAGES.stream()
            .filter(l -> !form.title(l).isEmpty())
            .map(form::title)
            .findFirst()
            .orElse("");
    String slug =
        LATIN
            .get()
            .transliterate(title)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > MAX) {
      slug = slug.substring(0, MAX).replaceAll("-+$", "");
    }
    String tail = UUID.randomUUID().toString().substring(0, 6);
    return slug.isEmpty() ? "post-" + tail : slug + "-" + tail;
  }
}
