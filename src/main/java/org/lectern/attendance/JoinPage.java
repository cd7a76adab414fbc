package org.lectern.attendance;

/**
 * What a delegate sees at their join link when it does not forward them: texts already in the
 * delegate's language ({@code lang}), or the embedded Jitsi room.
 */
public record JoinPage(
    String lang,
    String heading,
    String message,
    String detail,
    String jitsiOrigin,
    String jitsiDomain,
    String room,
    String displayName) {

  public boolean embed() {
    return room != null;
  }
}
