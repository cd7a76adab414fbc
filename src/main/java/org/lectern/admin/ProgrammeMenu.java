package org.lectern.admin;

import java.util.List;
import java.util.stream.Stream;

/**
 * The one menu of a programme's back-office pages, in order: what each item is called and where it
 * leads, relative to {@code /admin/programmes/{id}}. Every page of a programme — whichever feature
 * renders it — shows it through the {@code admin/programmeNav} template.
 */
public final class ProgrammeMenu {

  private ProgrammeMenu() {}

  /**
   * One item, called {@code name} (also what pages pass as {@code current}): its message key is
   * {@code admin.nav.<name>}, and it leads to {@code /<name>} — the overview to the programme's own
   * page.
   */
  public record Item(String name) {

    public String messageKey() {
      return "admin.nav." + name;
    }

    public String path() {
      return name.equals("overview") ? "" : "/" + name;
    }
  }

  public static final List<Item> ITEMS =
      Stream.of(
              "overview",
              "sessions",
              "registrations",
              "invitations",
              "attendance",
              "live",
              "learning",
              "certificates",
              "announcements",
              "delivery",
              "report",
              "members",
              "retention",
              "settings")
          .map(Item::new)
          .toList();

  /** The message key of the item called {@code name}, or null. */
  public static String keyOf(String name) {
    return ITEMS.stream()
        .filter(i -> i.name().equals(name))
        .map(Item::messageKey)
        .findFirst()
        .orElse(null);
  }
}
