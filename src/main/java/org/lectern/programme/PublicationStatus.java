package org.lectern.programme;

import org.lectern.shared.error.ConflictException;

/** Whether the public can see a programme or session. */
public enum PublicationStatus {
  DRAFT,
  PUBLISHED;

  /**
   * The status after publishing; refused when already published ({@code <thing>.alreadyPublished},
   * thing being {@code programme} or {@code session}).
   */
  public PublicationStatus publish(String thing) {
    if (this == PUBLISHED) {
      throw new ConflictException(thing + ".alreadyPublished");
    }
    return PUBLISHED;
  }

  /** The status after unpublishing; refused when not published ({@code <thing>.notPublished}). */
  public PublicationStatus unpublish(String thing) {
    if (this != PUBLISHED) {
      throw new ConflictException(thing + ".notPublished");
    }
    return DRAFT;
  }
}
