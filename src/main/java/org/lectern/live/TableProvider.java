package org.lectern.live;

/** Where the people at a table talk. */
enum TableProvider {
  /** Lectern's own audio-first table: WebRTC between the table's browsers (ADR 0024). */
  LECTERN,
  /** A BigBlueButton breakout room per table. */
  BIGBLUEBUTTON,
  /** A Jitsi room per table. */
  JITSI
}
