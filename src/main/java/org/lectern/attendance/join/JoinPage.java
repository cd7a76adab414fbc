package org.lectern.attendance.join;

/**
 * What a delegate sees at their join link when it does not forward them: texts already in the
 * delegate's language ({@code lang}), or the embedded Jitsi room — a sandboxed frame of the Jitsi
 * server. The delegate's name is not sent to Jitsi: they type the name they want to show there.
 */
public record JoinPage(
    String lang, String heading, String message, String detail, String jitsiOrigin, String room) {

  public boolean embed() {
    return room != null;
  }

  public String roomUrl() {
    return jitsiOrigin + "/" + room;
  }

  public String sandbox() {
    return JitsiEmbedding.SANDBOX;
  }

  public String allow() {
    return JitsiEmbedding.ALLOW;
  }
}
