package org.lectern.admin;

import java.util.List;

/**
 * The one menu of a programme's back-office pages, in order: what each item is called and where it
 * leads, relative to {@code /admin/programmes/{id}}. Every page of a programme — whichever feature
 * renders it — shows it through the {@code admin/programmeNav} template.
 */
public final class ProgrammeMenu {

  private ProgrammeMenu() {}

  /** One item: its name (also what pages pass as {@code current}), message key and path. */
  public record Item(String name, String messageKey, String path) {}

  public static final List<Item> ITEMS =
      List.of(
          new Item("overview", "admin.nav.overview", ""),
          new Item("sessions", "admin.nav.sessions", "/sessions"),
          new Item("registrations", "admin.nav.registrations", "/registrations"),
          new Item("invitations", "admin.nav.invitations", "/invitations"),
          new Item("attendance", "admin.nav.attendance", "/attendance"),
          new Item("live", "admin.nav.live", "/live"),
          new Item("learning", "admin.nav.learning", "/learning"),
          new Item("certificates", "admin.nav.certificates", "/certificates"),
          new Item("announcements", "admin.nav.announcements", "/announcements"),
          new Item("delivery", "admin.nav.delivery", "/delivery"),
          new Item("report", "admin.nav.report", "/report"),
          new Item("members", "admin.nav.members", "/members"),
          new Item("retention", "admin.nav.retention", "/retention"),
          new Item("settings", "admin.nav.settings", "/settings"));

  /** The message key of the item called {@code name}, or null. */
  public static String keyOf(String name) {
    return ITEMS.stream()
        .filter(i -> i.name().equals(name))
        .map(Item::messageKey)
        .findFirst()
        .orElse(null);
  }
}
