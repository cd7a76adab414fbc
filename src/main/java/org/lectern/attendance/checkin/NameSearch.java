package org.lectern.attendance.checkin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lectern.attendance.importing.NameKey;

/**
 * Finding a person on the door list by what staff type: part of the name as written, or the start
 * of each word in either alphabet ("aig sars" and "Айг" both find "Айгерим Сарсенбаева"), compared
 * through {@link NameKey} so spelling differences between Cyrillic and Latin do not matter.
 */
final class NameSearch {

  private NameSearch() {}

  static boolean matches(String name, String typed) {
    if (name == null || typed == null || typed.isBlank()) {
      return false;
    }
    if (name.toLowerCase(Locale.ROOT).contains(typed.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    String typedKey = NameKey.of(typed);
    if (typedKey.isEmpty()) {
      return false;
    }
    List<String> words = Arrays.asList(NameKey.of(name).split(" "));
    return Arrays.stream(typedKey.split(" "))
        .allMatch(part -> words.stream().anyMatch(w -> w.startsWith(part)));
  }
}
