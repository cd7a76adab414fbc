package org.lectern.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.lectern.catalogue.CatalogueViews.ArticleIndexPage;
import org.lectern.catalogue.CatalogueViews.ArticlePage;
import org.lectern.catalogue.CatalogueViews.SessionLink;
import org.lectern.catalogue.CatalogueViews.SpeakerPage;
import org.lectern.catalogue.CatalogueViews.TopicLink;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.reference.IccprArticle;
import org.lectern.reference.IccprArticles;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.text.Markdown;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.Speaker;
import org.springframework.stereotype.Component;

/** Speaker pages and ICCPR article pages: who teaches, and which sessions cover an article. */
@Component
class ReferencePages {

  private final SessionService sessions;
  private final ProgrammeService programmes;
  private final IccprArticles articles;

  ReferencePages(SessionService sessions, ProgrammeService programmes, IccprArticles articles) {
    this.sessions = sessions;
    this.programmes = programmes;
    this.articles = articles;
  }

  SpeakerPage speaker(Speaker s, Ui ui) {
    List<Session> list = sessions.publishedWithSpeaker(s.id());
    List<String> fallbacks = List.of("en", "ru", "kk");
    var bio = s.bio().show(ui.lang(), fallbacks);
    return new SpeakerPage(
        s.id().toString(),
        s.fullName(),
        s.affiliation(),
        Markdown.toSafeHtml(bio.text()),
        bio.lang(),
        s.hasPhoto(),
        links(list, ui));
  }

  ArticlePage article(IccprArticle a, Ui ui) {
    return new ArticlePage(
        a.number(),
        a.subjectKey(),
        a.partKey(),
        a.nonDerogable(),
        links(sessions.publishedWithArticle(a.number()), ui),
        a.number() > 1 ? a.number() - 1 : null,
        a.number() < 53 ? a.number() + 1 : null);
  }

  ArticleIndexPage index() {
    return new ArticleIndexPage(
        articles.all().stream().map(a -> new TopicLink(a.number(), a.subjectKey())).toList());
  }

  private List<SessionLink> links(List<Session> list, Ui ui) {
    return list.stream()
        .sorted(Comparator.comparing(Session::startsAt).reversed())
        .map(s -> link(s, programmes.find(s.programmeId()).orElseThrow(), ui))
        .toList();
  }

  private static SessionLink link(Session s, Programme p, Ui ui) {
    return new SessionLink(
        s.id().toString(),
        s.title().show(ui.lang(), p.languages()),
        p.title().show(ui.lang(), p.languages()),
        ui.time().dateTime(s.startsAt(), ui.zoneOr(p.timeZone()))
            + " ("
            + ui.zoneOr(p.timeZone()).getId()
            + ")");
  }

  static UUID id(String s) {
    return CatalogueController.parse(s);
  }
}
