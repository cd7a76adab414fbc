package org.lectern.attendance;

/**
 * The one page that loads a script from another origin: the Jitsi room of a programme that opted in
 * to embedding. Only that page's Content-Security-Policy names the Jitsi server; everywhere else
 * nothing from another origin is allowed.
 */
final class JitsiEmbedding {

  private JitsiEmbedding() {}

  static String policy(String jitsiOrigin) {
    return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' "
        + jitsiOrigin
        + "; frame-src "
        + jitsiOrigin
        + "; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
  }
}
