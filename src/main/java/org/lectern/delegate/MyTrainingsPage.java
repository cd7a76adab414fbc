package org.lectern.delegate;

import java.util.List;
import java.util.UUID;

/** "My trainings": the delegate's registrations, language, and calendar feed. */
public record MyTrainingsPage(
    String email,
    String language,
    List<Item> registrations,
    boolean hasFeed,
    String newFeedUrl,
    String notice) {

  /**
   * One registration with its upcoming sessions, and the delegate's check-in code for the room door
   * (code and QR code as SVG) when a confirmed registration has a session in a room ahead.
   */
  public record Item(
      UUID registrationId,
      String programmeTitle,
      String titleLang,
      String status,
      boolean cancellable,
      List<SessionLine> upcoming,
      String checkInCode,
      String checkInQr,
      List<TrainingLinks.TrainingLink> learning) {}

  /** When a session happens, in the viewer's zone and (if different) the programme's. */
  public record SessionLine(
      String title,
      String when,
      String zone,
      String programmeTime,
      String joinLink,
      String liveRoom,
      boolean inRoom) {}
}
