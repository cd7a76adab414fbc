package org.lectern.session;

/** The video service of an online or hybrid session; its URL is never shown publicly. */
public enum MeetingProvider {
  URL,
  ZOOM,
  TEAMS,
  MEET,
  JITSI,
  BIGBLUEBUTTON
}
