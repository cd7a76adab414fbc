package org.lectern.news;

import java.util.List;
import java.util.UUID;
import org.lectern.news.PostViews.Card;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** The published posts about a programme, for its public page. */
@Component
public record ProgrammeNews(Posts posts, PostPages pages) {

  static final int SHOWN = 5;

  public List<Card> about(UUID programmeId, Ui ui) {
    return pages.cards(posts.published(null, programmeId, SHOWN), false, ui);
  }
}
