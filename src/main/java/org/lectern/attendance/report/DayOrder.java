package org.lectern.attendance.report;

/**
 * How to read a numeric date like 11/12/2020, chosen by the organiser when the file cannot tell.
 */
public enum DayOrder {
  DAY_FIRST,
  MONTH_FIRST
}
