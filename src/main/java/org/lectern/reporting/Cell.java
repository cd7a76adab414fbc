package org.lectern.reporting;

/** One row of a breakdown: a value (a region code, a gender, a profession…) and how many. */
public record Cell(String value, int count) {}
