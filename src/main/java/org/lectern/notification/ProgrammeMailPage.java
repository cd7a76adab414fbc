package org.lectern.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.web.FormErrors;

/** Organiser page of a programme's mail: neutral wording and announcements. */
public record ProgrammeMailPage(
    UUID programmeId,
    String title,
    List<String> languages,
    boolean neutral,
    UUID nonce,
    Map<String, String> values,
    FormErrors errors,
    Integer sentTo) {}
