package org.lectern.programme;

/** Whether the public can see a programme or session. */
public enum PublicationStatus {
  DRAFT,
  PUBLISHED
}
