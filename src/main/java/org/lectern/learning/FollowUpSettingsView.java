package org.lectern.learning;

import org.lectern.shared.web.FormErrors;

/** The organiser's follow-up form: the months shown and its errors. */
public record FollowUpSettingsView(String months, FormErrors errors) {}
