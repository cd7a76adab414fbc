package org.lectern.attendance.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cell values that Teams localises like its headers: join/leave actions and roles. One line per
 * language in each table.
 */
final class ValueVocabulary {

  enum Action {
    JOINED,
    JOINED_BEFORE,
    LEFT
  }

  private static final Map<Action, List<String>> ACTIONS =
      Map.of(
          Action.JOINED,
          List.of(
              "joined", "a rejoint", "rejoint", "beigetreten", "присоединился", "вошел", "вошёл"),
          Action.JOINED_BEFORE,
          List.of(
              "joined before",
              "a rejoint avant",
              "rejoint avant",
              "vorher beigetreten",
              "bereits beigetreten",
              "присоединился до",
              "присоединился ранее"),
          Action.LEFT,
          List.of(
              "left",
              "a quitté",
              "quitté",
              "a quitte",
              "verlassen",
              "hat verlassen",
              "покинул",
              "вышел"));

  private static final Map<ParticipantRole, List<String>> ROLES =
      Map.of(
          ParticipantRole.HOST,
          List.of(
              "host",
              "organizer",
              "organiser",
              "organisateur",
              "organisator",
              "организатор",
              "moderator"),
          ParticipantRole.CO_HOST,
          List.of(
              "co-host",
              "co-organizer",
              "coorganisateur",
              "co-organisateur",
              "co-organisator",
              "соорганизатор",
              "producer",
              "producteur",
              "produzent",
              "продюсер"),
          ParticipantRole.PANELIST,
          List.of("panelist", "panéliste", "diskussionsteilnehmer", "участник дискуссии"),
          ParticipantRole.PRESENTER,
          List.of(
              "presenter",
              "présentateur",
              "referent",
              "moderator (referent)",
              "выступающий",
              "докладчик"),
          ParticipantRole.ATTENDEE,
          List.of("attendee", "participant", "teilnehmer", "участник"),
          ParticipantRole.GUEST,
          List.of("guest", "invité", "gast", "гость"));

  private ValueVocabulary() {}

  static Optional<Action> action(String value) {
    String key = Text.key(value);
    return ACTIONS.entrySet().stream()
        .filter(e -> e.getValue().contains(key))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  static ParticipantRole role(String value) {
    String key = Text.key(value);
    return ROLES.entrySet().stream()
        .filter(e -> e.getValue().contains(key))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(key.isEmpty() ? ParticipantRole.ATTENDEE : ParticipantRole.UNKNOWN);
  }
}
