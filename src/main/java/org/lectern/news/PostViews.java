package org.lectern.news;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/** What the news pages show. */
public final class PostViews {

  private PostViews() {}

  /** A choice in a select list. */
  public record Option(String value, String label, String lang) {}

  /** The organisation's posts in the back office. */
  public record AdminListPage(
      String organisationId,
      String organisationName,
      String organisationLang,
      List<AdminRow> rows) {}

  public record AdminRow(
      String id, String title, String lang, boolean published, String date, String path) {}

  /** Writing or editing a post. {@code postId} is null for a new one. */
  public record EditPage(
      String organisationId,
      String postId,
      PostForm form,
      FormErrors errors,
      List<Option> programmes,
      List<Option> authors,
      boolean published,
      String publicPath,
      List<String> imagePaths) {

    public boolean isNew() {
      return postId == null;
    }

    public String action() {
      return isNew()
          ? "/admin/organisations/" + organisationId + "/posts"
          : "/admin/posts/" + postId;
    }
  }

  /** A published post as the public reads it. */
  public record PostPage(
      String title,
      String lang,
      String bodyHtml,
      String date,
      boolean draft,
      String authorName,
      String authorId,
      boolean authorHasPhoto,
      String authorAffiliation,
      String organisationName,
      String organisationSlug,
      String programmeTitle,
      String programmeLang,
      String programmeSlug,
      List<Option> otherLanguages,
      List<Option> shareLinks,
      String url) {}

  /** A list of posts: the whole site's, or one organisation's (then with its feed). */
  public record NewsPage(String heading, String organisationSlug, List<Card> cards) {}

  public record Card(
      String slug, String title, String lang, String excerpt, String date, String source) {}
}
