package org.lectern.session;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/** Writes RFC 5545 calendar files (times in UTC, which every client converts correctly). */
public final class CalendarFiles {

  private CalendarFiles() {}

  static final String PRODUCT = "-//Lectern//Lectern//EN";

  /** A product identifier that names nothing, for calendars sent to delegates. */
  public static final String NEUTRAL_PRODUCT = "-//Calendar//Calendar//EN";

  public static String write(String calendarName, List<CalendarEntry> entries) {
    return write(PRODUCT, calendarName, entries);
  }

  public static String write(String product, String calendarName, List<CalendarEntry> entries) {
    Calendar cal = new Calendar();
    cal.add(new ProdId(product));
    cal.add(new Version());
    cal.add(new CalScale(CalScale.VALUE_GREGORIAN));
    cal.add(new Method(Method.VALUE_PUBLISH));
    if (calendarName != null) {
      cal.add(new XProperty("X-WR-CALNAME", calendarName));
    }
    for (CalendarEntry e : entries) {
      cal.add(event(e));
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(cal, out);
    } catch (IOException e) {
      throw new IllegalStateException("Could not write a calendar file", e);
    }
    return out.toString();
  }

  private static VEvent event(CalendarEntry e) {
    VEvent v = new VEvent(e.start(), e.end(), e.summary());
    v.add(new Uid(e.uid()));
    v.add(new DtStamp(e.lastModified()));
    v.add(new LastModified(e.lastModified()));
    v.add(new Sequence(e.sequence()));
    if (e.description() != null && !e.description().isBlank()) {
      v.add(new Description(e.description()));
    }
    if (e.location() != null && !e.location().isBlank()) {
      v.add(new Location(e.location()));
    }
    if (e.url() != null) {
      v.add(new Url(URI.create(e.url())));
    }
    v.add(e.cancelled() ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
    return v;
  }
}
