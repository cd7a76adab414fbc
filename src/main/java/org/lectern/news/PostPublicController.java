package org.lectern.news;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.news.PostViews.NewsPage;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.SpeakerService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Posts on the public site: all news, an organisation's news and its Atom feed, one post. */
@Controller
record PostPublicController(
    Posts posts, PostPages pages, OrganisationService organisations, SpeakerService speakers) {

  static final int PAGE = 50;

  @GetMapping("/news")
  String all(Ui ui, Model model) {
    var list = posts.published(null, null, PAGE);
    model.addAttribute("page", new NewsPage(ui.t("news.title"), null, pages.cards(list, true, ui)));
    return "news/index";
  }

  @GetMapping("/organisations/{slug}/news")
  String ofOrganisation(@PathVariable String slug, Ui ui, Model model) {
    Organisation o = organisations.findBySlug(slug).orElseThrow(Posts::notFound);
    var list = published(o);
    String name = o.name().in(ui.lang(), List.of("en", "ru", "kk"));
    model.addAttribute(
        "page", new NewsPage(ui.t("news.of", name), o.slug(), pages.cards(list, false, ui)));
    return "news/index";
  }

  @GetMapping(value = "/organisations/{slug}/news.atom")
  ResponseEntity<String> feed(@PathVariable String slug, Ui ui) {
    Organisation o = organisations.findBySlug(slug).orElseThrow(Posts::notFound);
    var list = published(o);
    List<AtomFeed.Entry> entries = new ArrayList<>();
    Instant updated = Instant.EPOCH;
    for (Post p : list) {
      var shown = p.in(ui.lang(), PostForm.LANGUAGES);
      String author =
          p.authorSpeakerId() == null
              ? null
              : speakers.findPublished(p.authorSpeakerId()).map(s -> s.fullName()).orElse(null);
      entries.add(
          new AtomFeed.Entry(
              pages.absolute("/news/" + p.slug()),
              "urn:uuid:" + p.id(),
              shown.text().title(),
              shown.lang(),
              AtomFeed.html(shown.text().body()),
              p.publishedAt(),
              p.updatedAt(),
              author));
      updated = p.updatedAt().isAfter(updated) ? p.updatedAt() : updated;
    }
    String xml =
        AtomFeed.write(
            pages.absolute("/organisations/" + o.slug() + "/news.atom"),
            pages.absolute("/organisations/" + o.slug() + "/news"),
            "urn:uuid:" + o.id(),
            o.name().in(ui.lang(), List.of("en", "ru", "kk")),
            updated,
            entries);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
        .cacheControl(CacheControl.noCache())
        .body(xml);
  }

  @GetMapping("/news/{slug}")
  String post(
      @PathVariable String slug, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Post p = posts.readable(user, slug).orElseThrow(Posts::notFound);
    model.addAttribute("page", pages.post(p, ui));
    return "news/post";
  }

  @GetMapping("/news/images/{imageId}")
  ResponseEntity<byte[]> image(
      @PathVariable String imageId, @AuthenticationPrincipal LecternUser user) {
    UUID image = PostForm.uuid(imageId);
    if (image == null) {
      throw Posts.notFound();
    }
    var i = posts.image(user, image).orElseThrow(Posts::notFound);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(i.contentType()))
        .cacheControl(CacheControl.noCache())
        .header("X-Content-Type-Options", "nosniff")
        .body(i.bytes());
  }

  /**
   * The organisation's published posts; none answers as an unknown address name. An organisation
   * that has published nothing is not made known by its address: a guessed name must not confirm
   * that an organisation uses this installation (SECURITY.md).
   */
  private List<Post> published(Organisation o) {
    var list = posts.published(o.id(), null, PAGE);
    if (list.isEmpty()) {
      throw Posts.notFound();
    }
    return list;
  }
}
