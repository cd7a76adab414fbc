package org.lectern.programme;

import java.util.Locale;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;

/** Applies a partial change (JSON merge style: absent fields stay as they are). */
final class ProgrammePatch {

  private ProgrammePatch() {}

  static ProgrammeInput apply(Programme p, ProgrammeApiController.ProgrammeBody b) {
    var langs = b.languages() != null ? b.languages() : p.languages();
    String main = langs.isEmpty() ? p.mainLanguage() : langs.get(0);
    return ProgrammeInput.validate(
        new ProgrammeInput.Raw(
            b.slug() != null ? b.slug() : p.slug(),
            b.title() != null ? merge(p.title(), b.title().in(main)) : p.title(),
            b.description() != null
                ? merge(p.description(), b.description().in(main))
                : p.description(),
            langs,
            b.timeZone() != null ? b.timeZone() : p.timeZone().getId(),
            b.cpdHours() != null ? b.cpdHours() : p.cpdHours(),
            b.capacity() != null ? b.capacity() : p.capacity(),
            b.waitlist() != null ? b.waitlist() : p.waitlist(),
            b.approvalRequired() != null ? b.approvalRequired() : p.approvalRequired()));
  }

  // A plain string replaces the main-language text only; an object replaces the languages it names.
  private static LocalizedText merge(LocalizedText current, LocalizedText change) {
    LocalizedText out = current;
    for (var e : change.values().entrySet()) {
      out = out.with(e.getKey(), e.getValue());
    }
    return out;
  }

  static Programme applyStatus(
      ProgrammeService service, LecternUser user, Programme p, String status) {
    PublicationStatus wanted;
    try {
      wanted = PublicationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("status", "validation.choice");
    }
    if (wanted == p.status()) {
      return p;
    }
    return wanted == PublicationStatus.PUBLISHED
        ? service.publish(user, p.id())
        : service.unpublish(user, p.id());
  }
}
