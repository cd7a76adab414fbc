package org.lectern.live;

/** Where a question is in the queue. */
public enum QuestionStatus {
  PENDING,
  VISIBLE,
  ANSWERED,
  HIDDEN
}
