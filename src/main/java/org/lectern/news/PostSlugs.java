package org.lectern.news;

import java.util.UUID;
import org.lectern.shared.text.Slugs;
import org.springframework.stereotype.Component;

/**
 * Addresses made from a post's title, in Latin letters whatever its language; a short random tail
 * keeps two posts with one title apart without asking the database first.
 */
@Component
class PostSlugs {

  private static final int MAX = 60;

  String from(PostForm form) {
    String title =
        PostForm.LANGUAGES.stream()
            .filter(l -> !form.title(l).isEmpty())
            .map(form::title)
            .findFirst()
            .orElse("");
    String slug = Slugs.fromText(title, MAX);
    String tail = UUID.randomUUID().toString().substring(0, 6);
    return slug.isEmpty() ? "post-" + tail : slug + "-" + tail;
  }
}
