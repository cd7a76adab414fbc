package org.lectern.attendance.report;

/**
 * One answer the organiser may give to a "needs a choice" outcome.
 *
 * @param value what to pass back in {@link ReadContext} (a {@link DayOrder} name or a meeting id)
 * @param example how the file reads with this choice, e.g. "2020-12-11" or "Topic, 10:00"
 */
public record ChoiceOption(String value, String example) {}
