package org.lectern.live;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderator's tables console: open, broadcast, move, close, and the notes afterwards. */
@Controller
record TableModerationController(TablePages pages, TableService desk) {

  private static String console(UUID id) {
    return "redirect:/sessions/" + id + "/live/tables";
  }

  @GetMapping("/sessions/{id}/live/tables")
  String page(@PathVariable UUID id, @Moderator Viewer v, Model model, Ui ui) {
    model.addAttribute("page", pages.console(v, ui, "", FormErrors.none()));
    return "live/tables";
  }

  @PostMapping("/sessions/{id}/live/tables")
  String open(
      @PathVariable UUID id,
      @Moderator Viewer v,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletResponse res,
      Model model,
      Ui ui) {
    FormData form = new FormData(params);
    try {
      desk.open(v, TablesForm.of(form, pages.defaultSize()));
    } catch (InvalidInputException | ConflictException e) {
      return again(v, e, form.raw("question"), res, model, ui);
    }
    return console(id) + "#tables";
  }

  @PostMapping("/sessions/{id}/live/tables/broadcast")
  String broadcast(
      @PathVariable UUID id,
      @Moderator Viewer v,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletResponse res,
      Model model,
      Ui ui) {
    try {
      desk.broadcast(v, new FormData(params).raw("message"));
    } catch (InvalidInputException | ConflictException e) {
      return again(v, e, "", res, model, ui);
    }
    return console(id) + "#broadcast";
  }

  @PostMapping("/sessions/{id}/live/tables/move")
  String move(
      @PathVariable UUID id,
      @Moderator Viewer v,
      @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    desk.move(
        v,
        TableController.uuid(form.get("participant"), "participant"),
        TableController.uuid(form.get("table"), "table"));
    return console(id) + "#tables";
  }

  @PostMapping("/sessions/{id}/live/tables/latecomers")
  String latecomers(@PathVariable UUID id, @Moderator Viewer v) {
    desk.seatLatecomers(v);
    return console(id) + "#tables";
  }

  @PostMapping("/sessions/{id}/live/tables/close")
  String close(@PathVariable UUID id, @Moderator Viewer v) {
    desk.close(v);
    return console(id) + "#notes";
  }

  @PostMapping("/sessions/{id}/live/tables/{tid}/help/done")
  String helped(@PathVariable UUID id, @PathVariable UUID tid, @Moderator Viewer v) {
    desk.helped(v, tid);
    return console(id) + "#t-" + tid;
  }

  /** Shows a table's note on the projector; an empty table field stops showing one. */
  @PostMapping("/sessions/{id}/live/tables/spotlight")
  String spotlight(
      @PathVariable UUID id,
      @Moderator Viewer v,
      @RequestParam MultiValueMap<String, String> params) {
    String t = new FormData(params).get("table");
    desk.spotlight(v, t.isEmpty() ? null : TableController.uuid(t, "table"));
    return console(id) + "#notes";
  }

  @PostMapping("/sessions/{id}/live/tables/{tid}/question")
  String question(@PathVariable UUID id, @PathVariable UUID tid, @Moderator Viewer v, Ui ui) {
    desk.toQuestion(v, tid, ui.t("live.tables.fromTable"));
    return console(id) + "#notes";
  }

  private String again(
      Viewer v, RuntimeException e, String draft, HttpServletResponse res, Model model, Ui ui) {
    DomainException refused = (DomainException) e;
    var page = pages.console(v, ui, draft, FormErrors.of(refused, ui));
    return FormRefusal.redraw(refused, page, "live/tables", model, res);
  }
}
