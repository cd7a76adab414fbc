package org.lectern.live;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.Ui;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A delegate's discussion table (phone first): works as plain forms and page loads; the script
 * (tables.js) adds the countdown, saving the note as it is typed, and the audio between browsers.
 */
@Controller
record TableController(TablePages pages, TableTalk talk, TableSignals signals) {

  static String table(UUID id) {
    return "redirect:/sessions/" + id + "/live/table";
  }

  @GetMapping("/sessions/{id}/live/table")
  String page(@PathVariable UUID id, Viewer v, Model model, Ui ui) {
    v.requireParticipant();
    var page = pages.delegate(v, ui, null, FormErrors.none());
    if (page.isEmpty()) {
      // No tables (any more): everyone is back in the main room.
      return LiveController.room(id) + "?tables=closed";
    }
    model.addAttribute("page", page.get());
    return "live/table";
  }

  @PostMapping("/sessions/{id}/live/table/choose")
  String choose(
      @PathVariable UUID id, Viewer v, @RequestParam MultiValueMap<String, String> params) {
    v.requireParticipant();
    talk.choose(v, uuid(new FormData(params).get("table"), "table"));
    return table(id);
  }

  @PostMapping("/sessions/{id}/live/table/help")
  String help(@PathVariable UUID id, Viewer v, @RequestParam MultiValueMap<String, String> params) {
    talk.help(v, new FormData(params).checked("help"));
    return table(id) + "#help";
  }

  @PostMapping("/sessions/{id}/live/table/note")
  String note(
      @PathVariable UUID id,
      Viewer v,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletResponse res,
      Model model,
      Ui ui) {
    FormData form = new FormData(params);
    v.requireParticipant();
    try {
      talk.note(v, form.raw("note"), version(form), form.checked("sign"));
      return table(id) + "#note";
    } catch (InvalidInputException | ConflictException e) {
      DomainException refused = (DomainException) e;
      var page = pages.delegate(v, ui, form.raw("note"), FormErrors.of(refused, ui));
      if (page.isEmpty()) {
        return LiveController.room(id) + "?tables=closed";
      }
      return FormRefusal.redraw(refused, page.get(), "live/table", model, res);
    }
  }

  /**
   * The script's save on every change: the new version, or (409) the note someone else saved
   * meanwhile, which the script merges with what this writer added and saves again.
   */
  @PostMapping("/sessions/{id}/live/table/note/autosave")
  @ResponseBody
  ResponseEntity<Map<String, Object>> autosave(
      @PathVariable UUID id, Viewer v, @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    v.requireParticipant();
    try {
      return ResponseEntity.ok(
          Map.of("version", talk.note(v, form.raw("note"), version(form), form.checked("sign"))));
    } catch (ConflictException e) {
      var t = talk.requirePlace(v).table();
      return ResponseEntity.status(409)
          .body(
              Map.of(
                  "code", e.code(),
                  "note", t.note() == null ? "" : t.note(),
                  "version", t.noteVersion()));
    }
  }

  private static int version(FormData form) {
    Integer v = form.isInteger("version") ? form.integer("version") : null;
    return v == null ? -1 : v;
  }

  /** One signalling message to one person at the same table (the page's script only). */
  @PostMapping("/sessions/{id}/live/table/signal")
  @ResponseBody
  ResponseEntity<Void> signal(
      @PathVariable UUID id, Viewer v, @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    v.requireParticipant();
    signals.send(v, uuid(form.get("to"), "to"), form.get("kind"), form.raw("data"));
    return ResponseEntity.noContent().build();
  }

  static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.of(field, "validation.choice");
    }
  }
}
