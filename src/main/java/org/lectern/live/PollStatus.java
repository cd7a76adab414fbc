package org.lectern.live;

/** A poll is prepared (DRAFT), then OPEN for votes, then CLOSED with its results kept. */
public enum PollStatus {
  DRAFT,
  OPEN,
  CLOSED
}
