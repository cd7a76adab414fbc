package org.lectern.learning;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Materials of a session: the back-office page where organisers and the session's speakers upload
 * and delete them, the organisers' audited list of downloads, and the downloads themselves — for
 * staff, for a delegate through their personal link, and for anyone when public.
 */
@Controller
record MaterialController(Materials materials, MaterialViews views, Recordings recordings) {

  @GetMapping("/admin/sessions/{id}/materials")
  String show(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) String done,
      Model model,
      Ui ui) {
    String notice =
        done != null && done.matches("uploaded|deleted") ? "learning.material.done." + done : null;
    model.addAttribute(
        "page", views.admin(user, parse(id), Map.of(), FormErrors.none(), notice, ui));
    return "learning/materials-admin";
  }

  @PostMapping("/admin/sessions/{id}/materials")
  String upload(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String access,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      Ui ui,
      HttpServletResponse response)
      throws IOException {
    UUID sessionId = parse(id);
    materials.staffed(user, sessionId);
    try {
      byte[] bytes = read(file, materials.maxBytes());
      materials.upload(
          user, sessionId, title, access, file == null ? null : file.getOriginalFilename(), bytes);
      return "redirect:/admin/sessions/" + sessionId + "/materials?done=uploaded";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      Map<String, String> values = new HashMap<>();
      values.put("title", title == null ? "" : title);
      values.put("access", access == null ? "" : access);
      model.addAttribute(
          "page", views.admin(user, sessionId, values, FormErrors.of(e, ui), null, ui));
      return "learning/materials-admin";
    }
  }

  @PostMapping("/admin/sessions/{id}/materials/{mid}/delete")
  String delete(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @PathVariable String mid) {
    UUID sessionId = parse(id);
    materials.staffed(user, sessionId);
    materials.delete(user, sessionId, material(mid));
    return "redirect:/admin/sessions/" + sessionId + "/materials?done=deleted";
  }

  @GetMapping("/admin/sessions/{id}/materials/downloads")
  String downloads(
      @AuthenticationPrincipal LecternUser user, @PathVariable String id, Model model, Ui ui) {
    model.addAttribute("page", views.downloads(user, parse(id), ui));
    return "learning/material-downloads";
  }

  @GetMapping("/admin/sessions/{id}/materials/{mid}")
  ResponseEntity<byte[]> staffCopy(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @PathVariable String mid) {
    UUID sessionId = parse(id);
    materials.staffed(user, sessionId);
    return send(materials.forStaff(user, sessionId, material(mid)), false);
  }

  @GetMapping("/learning/r/{token}/materials/{mid}")
  ResponseEntity<byte[]> delegateCopy(@PathVariable String token, @PathVariable String mid) {
    var v = recordings.resolve(token);
    return send(materials.forDelegate(v, material(mid)), false);
  }

  @GetMapping("/materials/{mid}")
  ResponseEntity<byte[]> publicCopy(@PathVariable String mid) {
    return send(materials.forPublic(material(mid)), true);
  }

  /** Always an attachment with its checked type: never shown inline as a page of this site. */
  private static ResponseEntity<byte[]> send(Materials.File f, boolean cacheable) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(f.material().contentType()));
    headers.setContentDisposition(
        ContentDisposition.attachment()
            .filename(f.material().fileName(), StandardCharsets.UTF_8)
            .build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl(cacheable ? "public, max-age=300" : "private, no-store");
    headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
    return ResponseEntity.ok().headers(headers).body(f.bytes());
  }

  /** Reads at most the limit plus one byte, whatever the part declares. */
  static byte[] read(MultipartFile file, long max) throws IOException {
    if (file == null || file.isEmpty()) {
      return new byte[0];
    }
    if (file.getSize() > max) {
      throw InvalidInputException.of("file", "learning.material.tooBig", max / (1024 * 1024));
    }
    try (InputStream in = file.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw InvalidInputException.of("file", "learning.material.tooBig", max / (1024 * 1024));
      }
      return bytes;
    }
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("session.notFound");
    }
  }

  private static UUID material(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("learning.material.notFound");
    }
  }
}
