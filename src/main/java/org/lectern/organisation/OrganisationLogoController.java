package org.lectern.organisation;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves organisation logos from Lectern itself (no other origin). An SVG opened on its own still
 * runs nothing: its policy allows no script, no fetches and sandboxes the document.
 */
@RestController
record OrganisationLogoController(OrganisationService organisations) {

  static final String LOGO_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

  static String path(String slug) {
    return "/organisations/" + slug + "/logo";
  }

  @GetMapping("/organisations/{slug}/logo")
  ResponseEntity<byte[]> logo(@PathVariable String slug) {
    return organisations
        .logo(slug)
        .map(
            l ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(l.contentType()))
                    .header("Content-Security-Policy", LOGO_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"logo"
                            + (l.contentType().equals(OrganisationLogo.SVG) ? ".svg" : ".png")
                            + "\"")
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                    .body(l.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
