package org.lectern.attendance.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The header vocabulary: every column a report can have, with the labels the products write for it
 * in each interface language (Teams localises headers). Adding a language is adding labels here.
 * Labels are compared after {@link Text#key}, so case and spacing do not matter.
 */
enum Column {
  NAME(
      "name",
      "full name",
      "user name",
      "participant",
      "name (original name)",
      "user name (original name)",
      "display name",
      "nom",
      "nom complet",
      "nom d'utilisateur",
      "nom (nom d'origine)",
      "vollständiger name",
      "benutzername",
      "name (ursprünglicher name)",
      "имя",
      "полное имя",
      "имя пользователя",
      "имя (исходное имя)",
      "участник (имя)"),
  FIRST_NAME("first name", "prénom", "vorname"),
  LAST_NAME("last name", "nom de famille", "nachname", "фамилия"),
  EMAIL(
      "email",
      "e-mail",
      "user email",
      "email address",
      "e-mail address",
      "adresse e-mail",
      "adresse de messagerie",
      "e-mail-adresse",
      "адрес электронной почты",
      "электронная почта"),
  UPN(
      "participant id (upn)",
      "id de participant (upn)",
      "teilnehmer-id (upn)",
      "идентификатор участника (upn)",
      "participant id"),
  JOIN(
      "join time",
      "first join",
      "join",
      "joined at",
      "heure d'arrivée",
      "première arrivée",
      "première participation",
      "beitrittszeit",
      "beigetreten",
      "erster beitritt",
      "время входа",
      "присоединился",
      "время первого входа",
      "первое присоединение"),
  LEAVE(
      "leave time",
      "last leave",
      "left",
      "leave",
      "heure de départ",
      "dernier départ",
      "dernière sortie",
      "verlassen",
      "letztes verlassen",
      "austrittszeit",
      "время выхода",
      "покинул",
      "время последнего выхода",
      "последний выход"),
  DURATION(
      "duration",
      "duration (minutes)",
      "time in session (minutes)",
      "in-meeting duration",
      "total duration (minutes)",
      "attendance duration",
      "durée",
      "durée dans la réunion",
      "durée de participation",
      "dauer",
      "dauer in der besprechung",
      "teilnahmedauer",
      "длительность",
      "длительность участия",
      "длительность участия в собрании",
      "продолжительность"),
  ACTION(
      "user action",
      "action",
      "action de l'utilisateur",
      "benutzeraktion",
      "действие пользователя",
      "действие"),
  TIMESTAMP("timestamp", "utc event timestamp", "horodatage", "zeitstempel", "метка времени"),
  ROLE("role", "rôle", "rolle", "роль"),
  ATTENDED("attended", "a participé", "teilgenommen", "присутствовал"),
  GUEST("guest", "is guest"),
  MEETING_ID(
      "meeting id", "webinar id", "id de réunion", "besprechungs-id", "идентификатор собрания"),
  TOPIC("topic", "meeting title", "titre de la réunion", "besprechungstitel", "название собрания"),
  START("start time", "actual start time", "heure de début", "startzeit", "время начала"),
  END("end time", "heure de fin", "endzeit", "время окончания"),
  HOST("host"),
  DEVICE("device"),
  MODERATOR("moderator"),
  ACTIVITY_SCORE("activity score"),
  SESSION_ID("session id"),
  REGISTRATION(
      "registration status",
      "registration time",
      "registered",
      "statut d'inscription",
      "heure d'inscription",
      "registrierungsstatus",
      "registrierungszeit",
      "статус регистрации",
      "время регистрации");

  private final List<String> labels;

  Column(String... labels) {
    this.labels = Arrays.stream(labels).map(Text::key).toList();
  }

  static Optional<Column> of(String header) {
    String key = Text.key(header);
    return Arrays.stream(values()).filter(c -> c.labels.contains(key)).findFirst();
  }
}
