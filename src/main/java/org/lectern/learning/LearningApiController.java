package org.lectern.learning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API, read only: a session's recording and its materials, for those who may change them (the
 * programme's organisers and speakers, the session's own speakers; 403 for others who can see the
 * programme, 404 for the rest).
 */
@RestController
@Tag(name = "Learning")
record LearningApiController(Materials materials, Recordings recordings) {

  record RecordingJson(
      String sessionId,
      String url,
      String availableFrom,
      String availableUntil,
      String access,
      int quizQuestions) {}

  record MaterialJson(
      String id,
      String title,
      String fileName,
      String contentType,
      long size,
      String access,
      String uploadedAt,
      int downloads) {}

  @GetMapping("/api/v1/sessions/{id}/recording")
  @Operation(summary = "The session's recording: link, window, access (404 when none)")
  RecordingJson recording(@AuthenticationPrincipal LecternUser user, @PathVariable String id) {
    var st = materials.staffed(user, uuid(id));
    Recording r =
        recordings
            .of(st.session().id())
            .orElseThrow(() -> new NotFoundException("learning.recording.none"));
    return new RecordingJson(
        r.sessionId().toString(),
        r.url(),
        r.availableFrom().toString(),
        r.availableUntil().toString(),
        r.access().name(),
        recordings.questions(new Recordings.Managed(st.programme(), st.session())).size());
  }

  @GetMapping("/api/v1/sessions/{id}/materials")
  @Operation(summary = "The session's materials (without their bytes)")
  List<MaterialJson> materials(@AuthenticationPrincipal LecternUser user, @PathVariable String id) {
    var st = materials.staffed(user, uuid(id));
    return materials.ofSession(st.session().id()).stream()
        .map(
            m ->
                new MaterialJson(
                    m.id().toString(),
                    m.title(),
                    m.fileName(),
                    m.contentType(),
                    m.sizeBytes(),
                    m.access().name(),
                    m.uploadedAt().toString(),
                    m.downloads()))
        .toList();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("session.notFound");
    }
  }
}
