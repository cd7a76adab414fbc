package org.lectern.attendance.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the rows of one file into distinct people. Identity is the e-mail (case-insensitive) when
 * present, else the normalised name; a row without e-mail joins the person of the same name.
 */
final class ParticipantBook {

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, String> keyByName = new HashMap<>();

  void add(Person person, Interval interval) {
    entry(person).intervals.add(interval);
  }

  void addMinutes(Person person, int minutes) {
    Entry entry = entry(person);
    entry.minutes = (entry.minutes == null ? 0 : entry.minutes) + minutes;
  }

  /** Registers a person without time, e.g. to give a role seen in another section. */
  void note(Person person) {
    entry(person);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  List<ReportedParticipant> participants() {
    List<ReportedParticipant> result = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (!e.intervals.isEmpty() || e.minutes != null) {
        Set<String> aliases = new LinkedHashSet<>(e.aliases);
        aliases.remove(e.name);
        result.add(
            new ReportedParticipant(e.name, e.email, e.role, e.intervals, e.minutes, aliases));
      }
    }
    return result;
  }

  private Entry entry(Person person) {
    String nameKey = Text.key(person.name());
    String key = person.email() != null ? "email:" + person.email() : keyByName.get(nameKey);
    if (key == null) {
      key = "name:" + nameKey;
    }
    if (person.email() != null && !entries.containsKey(key)) {
      key = adoptNameOnlyEntry(nameKey, key);
    }
    Entry entry = entries.computeIfAbsent(key, k -> new Entry(person));
    keyByName.putIfAbsent(nameKey, key);
    entry.merge(person);
    return entry;
  }

  /** A person first seen without e-mail and now with one is the same person. */
  private String adoptNameOnlyEntry(String nameKey, String emailKey) {
    String nameOnly = "name:" + nameKey;
    Entry existing = entries.get(nameOnly);
    if (existing == null || existing.email != null) {
      return emailKey;
    }
    return nameOnly;
  }

  private static final class Entry {
    private final String name;
    private String email;
    private ParticipantRole role;
    private final List<Interval> intervals = new ArrayList<>();
    private final Set<String> aliases = new LinkedHashSet<>();
    private Integer minutes;

    Entry(Person first) {
      this.name = first.name();
      this.role = first.role();
    }

    void merge(Person person) {
      email = email == null ? person.email() : email;
      role = role.strongest(person.role());
      aliases.add(person.name());
      if (person.alias() != null) {
        aliases.add(person.alias());
      }
    }
  }
}
