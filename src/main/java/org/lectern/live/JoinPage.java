package org.lectern.live;

import java.util.UUID;
import org.lectern.shared.web.FormErrors;

/** The room-join form: a display name, or nothing to stay anonymous. */
public record JoinPage(
    UUID sessionId, String title, String key, String displayName, FormErrors errors) {}
