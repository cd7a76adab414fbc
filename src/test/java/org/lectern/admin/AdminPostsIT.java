package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.speaker.SpeakerInput;
import org.lectern.speaker.SpeakerService;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

/**
 * Reflections and news: an organiser writes a post in Russian and Kazakh, previews the draft,
 * publishes it, adds a picture; the public reads it in its language with the author's profile,
 * finds it in the news and in the organisation's Atom feed. Bad input changes nothing, and another
 * organisation's people meet 404.
 */
class AdminPostsIT extends BackOfficeFixture {

  /** The smallest valid PNG: one transparent pixel. */
  private static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  @Autowired SpeakerService speakers;

  private Form post(String slug) {
    return new Form()
        .add("title_ru", "Размышления о цикле 2021 года")
        .add(
            "body_ru",
            "Цикл **расширил** участие.\n\n<script>alert('x')</script>\n\n[МПГПП](javascript:alert(1))")
        .add("title_kk", "2021 жылғы цикл туралы ой-толғау")
        .add("body_kk", "Цикл қатысуды *кеңейтті*.")
        .add("slug", slug);
  }

  @Test
  void aPostIsWrittenPreviewedPublishedAndReadInTheReadersLanguage() throws Exception {
    var author =
        speakers.create(
            aigerim,
            bar,
            new SpeakerInput(
                "Dana Author", LocalizedText.of("ru", "Адвокат."), "Almaty Bar", true));
    WebSession web = signedIn(AIGERIM).language("ru");
    var created =
        web.post(
            "/admin/organisations/" + bar + "/posts",
            post("reflection-2021").add("authorId", author.id().toString()));
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id = idFromLocation(created);

    // A draft: the organisation previews it, the public meets 404.
    assertThat(anonymous().get("/news/reflection-2021").statusCode()).isEqualTo(404);
    var preview = web.get("/news/reflection-2021");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(preview.body()).select("main p.alert").text()).isNotEmpty();
    assertThat(anonymous().get("/news").body()).doesNotContain("reflection-2021");
    // An organisation that has published nothing is not made known by its address name.
    assertAnsweredAsUnknown("/organisations/bar/news");
    assertAnsweredAsUnknown("/organisations/bar/news.atom");

    var picture =
        web.postMultipart("/admin/posts/" + id + "/images", new Form(), "image", "p.png", PNG);
    assertThat(picture.statusCode()).isEqualTo(302);
    String imagePath =
        jdbc.sql("select '/news/images/' || id from post_image where post_id = :p")
            .param("p", id)
            .query(String.class)
            .single();
    assertThat(anonymous().get(imagePath).statusCode()).isEqualTo(404);

    assertThat(web.post("/admin/posts/" + id + "/publish", new Form()).statusCode()).isEqualTo(302);

    var kk = anonymous().language("kk").get("/news/reflection-2021");
    assertThat(kk.statusCode()).isEqualTo(200);
    var page = Jsoup.parse(kk.body());
    assertThat(page.select("h1").text()).isEqualTo("2021 жылғы цикл туралы ой-толғау");
    assertThat(page.select("article").attr("lang")).isEqualTo("kk");
    assertThat(page.select("a[href=/speakers/" + author.id() + "]").text())
        .isEqualTo("Dana Author");
    assertThat(page.select("a[hreflang=ru]").size()).isGreaterThanOrEqualTo(1);

    // English readers get a version the post has (Russian before Kazakh); script and unsafe links
    // are shown as text or dropped, never run.
    var en = Jsoup.parse(anonymous().language("en").get("/news/reflection-2021").body());
    assertThat(en.select("h1").text()).isEqualTo("Размышления о цикле 2021 года");
    assertThat(en.select(".post-body strong").text()).isEqualTo("расширил");
    assertThat(en.select(".post-body script")).isEmpty();
    assertThat(en.select(".post-body").html()).contains("&lt;script&gt;");
    assertThat(en.select(".post-body a[href^=javascript]")).isEmpty();
    // Share links are plain links; nothing is loaded from another site.
    assertThat(en.select("script[src^=http], img[src^=http], iframe")).isEmpty();
    assertThat(en.select("a[href^=https://t.me/share/url]").attr("href"))
        .contains("news%2Freflection-2021");

    assertThat(anonymous().get(imagePath).statusCode()).isEqualTo(200);
    assertThat(anonymous().language("ru").get("/news").body()).contains("/news/reflection-2021");
    assertThat(anonymous().get("/organisations/bar/news").body())
        .contains("/news/reflection-2021")
        .contains("/organisations/bar/news.atom");

    var feed = anonymous().language("kk").get("/organisations/bar/news.atom");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
    var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertThat(entries.getLength()).isEqualTo(1);
    Element entry = (Element) entries.item(0);
    assertThat(entry.getAttribute("xml:lang")).isEqualTo("kk");
    assertThat(
            entry
                .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title")
                .item(0)
                .getTextContent())
        .isEqualTo("2021 жылғы цикл туралы ой-толғау");
    assertThat(
            entry
                .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content")
                .item(0)
                .getTextContent())
        .contains("<em>кеңейтті</em>");

    // Withdrawn: gone from the site and the feed.
    assertThat(web.post("/admin/posts/" + id + "/unpublish", new Form()).statusCode())
        .isEqualTo(302);
    assertThat(anonymous().get("/news/reflection-2021").statusCode()).isEqualTo(404);
    assertAnsweredAsUnknown("/organisations/bar/news.atom");
    assertAnsweredAsUnknown("/organisations/bar/news");
  }

  /** The same status and body as for an organisation that does not exist, in two languages. */
  private void assertAnsweredAsUnknown(String path) {
    String unknown = path.replace("/organisations/bar/", "/organisations/no-such-organisation/");
    for (String lang : new String[] {"en", "kk"}) {
      var known = anonymous().language(lang).get(path);
      var none = anonymous().language(lang).get(unknown);
      assertThat(known.statusCode()).isEqualTo(404);
      assertThat(none.statusCode()).isEqualTo(404);
      // The page links to itself in other languages: its own address aside, the same bytes.
      assertThat(known.body()).isEqualTo(none.body().replace(unknown, path));
    }
  }

  @Test
  void badInputIsRefusedNextToTheFieldAndSavesNothing() {
    WebSession web = signedIn(AIGERIM).language("ru");
    int before = count("post");

    var empty = web.post("/admin/organisations/" + bar + "/posts", new Form().add("slug", ""));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(empty.body()).select("#title_en-error").text())
        .isEqualTo("Дайте публикации заголовок хотя бы на одном языке.");

    var textWithoutTitle =
        web.post(
            "/admin/organisations/" + bar + "/posts",
            new Form().add("title_kk", "").add("body_kk", "Мәтін").add("slug", ""));
    assertThat(textWithoutTitle.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(textWithoutTitle.body()).select("#title_kk-error").text()).isNotEmpty();

    var badSlug = web.post("/admin/organisations/" + bar + "/posts", post("Not A Slug!"));
    assertThat(badSlug.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(badSlug.body()).select("#slug-error").text()).isNotEmpty();

    var foreignProgramme =
        web.post(
            "/admin/organisations/" + bar + "/posts",
            post("foreign").add("programmeId", UUID.randomUUID().toString()));
    assertThat(foreignProgramme.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(foreignProgramme.body()).select("#programmeId-error").text())
        .isNotEmpty();

    var longTitle =
        web.post(
            "/admin/organisations/" + bar + "/posts",
            post("long").add("title_en", "Ә".repeat(201)));
    assertThat(longTitle.statusCode()).isEqualTo(422);
    assertThat(count("post")).isEqualTo(before);

    var first = web.post("/admin/organisations/" + bar + "/posts", post("taken"));
    assertThat(first.statusCode()).isEqualTo(302);
    var second = web.post("/admin/organisations/" + bar + "/posts", post("taken"));
    assertThat(second.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(second.body()).select("#slug-error").text())
        .isEqualTo("Этот адрес уже у другой публикации.");
    assertThat(count("post")).isEqualTo(before + 1);

    UUID id = idFromLocation(first);
    byte[] pdf = "%PDF-1.7\n/JavaScript (app.alert(1))".getBytes(StandardCharsets.US_ASCII);
    var notPicture =
        web.postMultipart("/admin/posts/" + id + "/images", new Form(), "image", "x.png", pdf);
    assertThat(notPicture.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(notPicture.body()).select("#image-error").text())
        .isEqualTo("Можно использовать только изображения PNG и JPEG.");
    var nothing =
        web.postMultipart(
            "/admin/posts/" + id + "/images", new Form(), "image", "x.png", new byte[0]);
    assertThat(nothing.statusCode()).isEqualTo(422);
    assertThat(
            jdbc.sql("select count(*) from post_image where post_id = :p")
                .param("p", id)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void anotherOrganisationsPeopleMeetNotFound() {
    WebSession web = signedIn(AIGERIM);
    int before = count("post");
    UUID id = idFromLocation(web.post("/admin/organisations/" + bar + "/posts", post("ours")));
    WebSession other = signedIn(BOLAT);
    assertThat(other.get("/admin/organisations/" + bar + "/posts").statusCode()).isEqualTo(404);
    assertThat(other.get("/admin/posts/" + id).statusCode()).isEqualTo(404);
    assertThat(other.post("/admin/posts/" + id + "/publish", new Form()).statusCode())
        .isEqualTo(404);
    assertThat(other.post("/admin/posts/" + id + "/delete", new Form()).statusCode())
        .isEqualTo(404);
    assertThat(other.post("/admin/organisations/" + bar + "/posts", post("theirs")).statusCode())
        .isEqualTo(404);
    assertThat(other.get("/news/ours").statusCode()).isEqualTo(404);
    assertThat(count("post")).isEqualTo(before + 1);
    assertThat(web.post("/admin/posts/" + id + "/delete", new Form()).statusCode()).isEqualTo(302);
    assertThat(count("post")).isEqualTo(before);
  }
}
