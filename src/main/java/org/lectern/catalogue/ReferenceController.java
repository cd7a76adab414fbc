package org.lectern.catalogue;

import java.time.Duration;
import org.lectern.reference.IccprArticles;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.SpeakerService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Public speaker profiles and the ICCPR reference pages. */
@Controller
class ReferenceController {

  private final SpeakerService speakers;
  private final IccprArticles articles;
  private final ReferencePages pages;

  ReferenceController(SpeakerService speakers, IccprArticles articles, ReferencePages pages) {
    this.speakers = speakers;
    this.articles = articles;
    this.pages = pages;
  }

  @GetMapping("/speakers/{id}")
  String speaker(@PathVariable String id, Ui ui, Model model) {
    var s =
        speakers.findPublished(ReferencePages.id(id)).orElseThrow(CatalogueController::notFound);
    model.addAttribute("page", pages.speaker(s, ui));
    return "catalogue/speaker";
  }

  @GetMapping("/speakers/{id}/photo")
  ResponseEntity<byte[]> photo(@PathVariable String id) {
    var photo = speakers.photo(ReferencePages.id(id)).orElseThrow(CatalogueController::notFound);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.type()))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .header("X-Content-Type-Options", "nosniff")
        .body(photo.bytes());
  }

  @GetMapping("/iccpr")
  String index(Model model) {
    model.addAttribute("page", pages.index());
    return "catalogue/iccpr-index";
  }

  @GetMapping("/iccpr/{number}")
  String article(@PathVariable String number, Ui ui, Model model) {
    int n;
    try {
      n = Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw new NotFoundException("error.notFound");
    }
    var a = articles.find(n).orElseThrow(CatalogueController::notFound);
    model.addAttribute("page", pages.article(a, ui));
    return "catalogue/iccpr-article";
  }
}
