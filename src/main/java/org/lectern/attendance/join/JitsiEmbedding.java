package org.lectern.attendance.join;

/**
 * The embedded Jitsi room of a programme that opted in to embedding: a sandboxed frame of the Jitsi
 * server, never its script in Lectern's origin. Only that page's Content-Security-Policy names the
 * Jitsi server, and only as a frame source; scripts stay Lectern's own everywhere.
 */
final class JitsiEmbedding {

  /**
   * What the frame may do: run Jitsi's own scripts in Jitsi's own origin (a cross-origin frame
   * cannot read Lectern's pages or cookies), its forms and pop-ups; not navigate Lectern's page.
   */
  static final String SANDBOX =
      "allow-scripts allow-same-origin allow-forms allow-popups"
          + " allow-popups-to-escape-sandbox allow-modals";

  /** The devices a meeting needs, granted to the Jitsi frame only. */
  static final String ALLOW =
      "camera; microphone; display-capture; fullscreen; autoplay; clipboard-write";

  private JitsiEmbedding() {}

  static String policy(String jitsiOrigin) {
    return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "frame-src "
        + jitsiOrigin
        + "; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
  }
}
