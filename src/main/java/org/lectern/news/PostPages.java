package org.lectern.news;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.news.PostViews.AdminListPage;
import org.lectern.news.PostViews.AdminRow;
import org.lectern.news.PostViews.Card;
import org.lectern.news.PostViews.EditPage;
import org.lectern.news.PostViews.Option;
import org.lectern.news.PostViews.PostPage;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.text.Markdown;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.SpeakerService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the news pages from posts, organisations, programmes and speakers. */
@Component
record PostPages(
    Posts posts,
    OrganisationService organisations,
    ProgrammeService programmes,
    SpeakerService speakers,
    @Value("${lectern.base-url}") String baseUrl) {

  /** Dates of posts are shown in the viewer's zone, else in Kazakhstan's. */
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Almaty");

  PostPages {
    baseUrl = baseUrl.replaceAll("/+$", "");
  }

  static String imagePath(UUID image) {
    return "/news/images/" + image;
  }

  String absolute(String path) {
    return baseUrl + path;
  }

  AdminListPage adminList(LecternUser user, UUID organisationId, Ui ui) {
    Organisation o = posts.writable(user, organisationId);
    var name = o.name().show(ui.lang(), List.of("en", "ru", "kk"));
    List<AdminRow> rows = new ArrayList<>();
    for (Post p : posts.ofOrganisation(user, organisationId)) {
      var shown = p.in(ui.lang(), PostForm.LANGUAGES);
      rows.add(
          new AdminRow(
              p.id().toString(),
              shown.text().title(),
              shown.lang(),
              p.isPublished(),
              date(p.publishedAt() == null ? p.updatedAt() : p.publishedAt(), ui),
              "/news/" + p.slug()));
    }
    return new AdminListPage(organisationId.toString(), name.text(), name.lang(), rows);
  }

  EditPage edit(
      LecternUser user, UUID organisationId, Post post, PostForm form, FormErrors errors, Ui ui) {
    posts.writable(user, organisationId);
    List<Option> progs = new ArrayList<>();
    for (var p : programmes.visibleTo(user, 500, 0).items()) {
      if (p.organisationId().equals(organisationId)) {
        var t = p.title().show(ui.lang(), p.languages());
        progs.add(new Option(p.id().toString(), t.text(), t.lang()));
      }
    }
    List<Option> authors = new ArrayList<>();
    for (var s : speakers.manageableBy(user)) {
      if (s.organisationId().equals(organisationId)) {
        authors.add(new Option(s.id().toString(), s.fullName(), null));
      }
    }
    return new EditPage(
        organisationId.toString(),
        post == null ? null : post.id().toString(),
        form,
        errors,
        progs,
        authors,
        post != null && post.isPublished(),
        post == null ? null : "/news/" + post.slug(),
        post == null
            ? List.of()
            : posts.images(post.id()).stream().map(PostPages::imagePath).toList());
  }

  PostPage post(Post p, Ui ui) {
    var shown = p.in(ui.lang(), PostForm.LANGUAGES);
    Organisation o = organisations.find(p.organisationId()).orElseThrow(Posts::notFound);
    var author =
        p.authorSpeakerId() == null
            ? null
            : speakers.findPublished(p.authorSpeakerId()).orElse(null);
    var programme =
        p.programmeId() == null
            ? null
            : programmes.find(p.programmeId()).filter(x -> x.isPublished()).orElse(null);
    var programmeTitle =
        programme == null ? null : programme.title().show(ui.lang(), programme.languages());
    List<Option> others = new ArrayList<>();
    for (String l : PostForm.LANGUAGES) {
      if (!l.equals(shown.lang()) && p.texts().containsKey(l)) {
        others.add(new Option(ui.langUrl(l), ui.t("language." + l), l));
      }
    }
    String url = absolute("/news/" + p.slug());
    return new PostPage(
        shown.text().title(),
        shown.lang(),
        Markdown.toSafeHtml(shown.text().body()),
        p.publishedAt() == null ? "" : date(p.publishedAt(), ui),
        !p.isPublished(),
        author == null ? null : author.fullName(),
        author == null ? null : author.id().toString(),
        author != null && author.hasPhoto(),
        author == null ? null : author.affiliation(),
        o.name().in(ui.lang(), List.of("en", "ru", "kk")),
        o.slug(),
        programmeTitle == null ? null : programmeTitle.text(),
        programmeTitle == null ? null : programmeTitle.lang(),
        programme == null ? null : programme.slug(),
        others,
        shareLinks(url, shown.text().title(), ui),
        url);
  }

  /** Plain links to share a post: nothing of another site is loaded until someone follows one. */
  static List<Option> shareLinks(String url, String title, Ui ui) {
    String u = enc(url);
    String t = enc(title);
    return List.of(
        new Option("mailto:?subject=" + t + "&body=" + u, ui.t("news.share.email"), null),
        new Option("https://t.me/share/url?url=" + u + "&text=" + t, "Telegram", null),
        new Option("https://wa.me/?text=" + t + "%20" + u, "WhatsApp", null),
        new Option("https://www.facebook.com/sharer/sharer.php?u=" + u, "Facebook", null),
        new Option("https://www.linkedin.com/sharing/share-offsite/?url=" + u, "LinkedIn", null));
  }

  List<Card> cards(List<Post> list, boolean withSource, Ui ui) {
    List<Card> cards = new ArrayList<>();
    for (Post p : list) {
      var shown = p.in(ui.lang(), PostForm.LANGUAGES);
      String source =
          withSource
              ? organisations
                  .find(p.organisationId())
                  .map(o -> o.name().in(ui.lang(), List.of("en", "ru", "kk")))
                  .orElse("")
              : null;
      cards.add(
          new Card(
              p.slug(),
              shown.text().title(),
              shown.lang(),
              Markdown.excerpt(shown.text().body(), 280),
              date(p.publishedAt(), ui),
              source));
    }
    return cards;
  }

  private static String date(Instant at, Ui ui) {
    return at == null ? "" : ui.time().date(at, ui.zoneOr(DEFAULT_ZONE));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
