package org.lectern.catalogue;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public catalogue: home, programme and session pages. Drafts only for their organisers. */
@Controller
class CatalogueController {

  private final ProgrammeService programmes;
  private final SessionService sessions;
  private final CataloguePages pages;
  private final org.lectern.news.ProgrammeNews news;
  private final org.lectern.learning.ProgrammeMaterials materials;

  CatalogueController(
      ProgrammeService programmes,
      SessionService sessions,
      CataloguePages pages,
      org.lectern.news.ProgrammeNews news,
      org.lectern.learning.ProgrammeMaterials materials) {
    this.news = news;
    this.materials = materials;
    this.programmes = programmes;
    this.sessions = sessions;
    this.pages = pages;
  }

  @GetMapping("/")
  String home(Ui ui, Model model) {
    model.addAttribute("page", pages.home(ui));
    return "catalogue/home";
  }

  @GetMapping("/programmes/{slug}")
  String programme(
      @PathVariable String slug, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Programme p = programmes.findBySlug(slug).orElseThrow(CatalogueController::notFound);
    boolean preview = !p.isPublished() || programmes.canManage(user, p);
    if (!p.isPublished() && !programmes.canManage(user, p)) {
      throw notFound();
    }
    model.addAttribute("page", pages.programme(p, preview && user != null, ui));
    model.addAttribute("posts", news.about(p.id(), ui));
    model.addAttribute("materials", materials.about(p.id(), ui));
    return "catalogue/programme";
  }

  @GetMapping("/sessions/{id}")
  String session(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Session s = sessions.visible(user, parse(id));
    Programme p = programmes.find(s.programmeId()).orElseThrow();
    model.addAttribute("page", pages.session(s, p, ui));
    return "catalogue/session";
  }

  static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
  }

  static NotFoundException notFound() {
    return new NotFoundException("error.notFound");
  }
}
