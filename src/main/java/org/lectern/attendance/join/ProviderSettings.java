package org.lectern.attendance.join;

/**
 * A programme's video servers: Jitsi (and whether its meetings are embedded in Lectern's page,
 * which loads Jitsi's script from that server) and BigBlueButton with its shared secret.
 */
public record ProviderSettings(
    String jitsiServer, boolean jitsiEmbed, String bbbServer, String bbbSecret) {

  public static ProviderSettings none() {
    return new ProviderSettings(null, false, null, null);
  }

  public boolean hasJitsi() {
    return jitsiServer != null && !jitsiServer.isBlank();
  }

  public boolean hasBigBlueButton() {
    return bbbServer != null && !bbbServer.isBlank() && bbbSecret != null && !bbbSecret.isBlank();
  }

  /** The Jitsi origin for the page's Content-Security-Policy, e.g. https://meet.example.org. */
  public String jitsiOrigin() {
    var uri = java.net.URI.create(jitsiServer.strip());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
