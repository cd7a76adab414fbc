package org.lectern.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.web.FormData;

/**
 * The programme form as typed, kept as text so that a refused form comes back exactly as it was
 * sent. Languages are ordered main language first; the other ticked ones follow in a fixed order.
 */
public record ProgrammeForm(
    String organisationId,
    String slug,
    List<String> languages,
    String mainLanguage,
    String timeZone,
    String timeZoneOther,
    String cpdHours,
    String capacity,
    boolean waitlist,
    boolean approvalRequired,
    Map<String, String> title,
    Map<String, String> description,
    String version) {

  static ProgrammeForm blank(String organisationId) {
    return new ProgrammeForm(
        organisationId,
        "",
        List.of("ru"),
        "ru",
        "Asia/Almaty",
        "",
        "",
        "",
        true,
        false,
        Map.of(),
        Map.of(),
        "");
  }

  static ProgrammeForm of(Programme p) {
    return new ProgrammeForm(
        p.organisationId().toString(),
        p.slug(),
        p.languages(),
        p.mainLanguage(),
        p.timeZone().getId(),
        "",
        p.cpdHours() == null ? "" : p.cpdHours().stripTrailingZeros().toPlainString(),
        p.capacity() == null ? "" : p.capacity().toString(),
        p.waitlist(),
        p.approvalRequired(),
        p.title().values(),
        p.description().values(),
        String.valueOf(p.version()));
  }

  static ProgrammeForm from(FormData f) {
    return new ProgrammeForm(
        f.get("organisationId"),
        f.get("slug"),
        orderedLanguages(f.all("languages"), f.get("mainLanguage")),
        f.get("mainLanguage"),
        f.get("timeZone"),
        f.get("timeZoneOther"),
        f.get("cpdHours"),
        f.get("capacity"),
        f.checked("waitlist"),
        f.checked("approvalRequired"),
        f.text("title").values(),
        f.text("description").values(),
        f.get("version"));
  }

  /** The main language first (ticked or not), then the other ticked ones in interface order. */
  static List<String> orderedLanguages(List<String> ticked, String main) {
    List<String> out = new ArrayList<>();
    if (Language.fromCode(main).isPresent()) {
      out.add(Language.fromCode(main).get().code());
    }
    for (String code : Language.codes()) {
      if (ticked.contains(code) && !out.contains(code)) {
        out.add(code);
      }
    }
    ticked.stream().filter(t -> !out.contains(t)).forEach(out::add);
    return out;
  }

  /** The raw input for the domain's checks; numbers that do not parse are added to problems. */
  ProgrammeInput.Raw toRaw(InvalidInputException.Collector problems) {
    BigDecimal cpd = null;
    if (!cpdHours.isEmpty()) {
      try {
        cpd = new BigDecimal(cpdHours.replace(',', '.'));
      } catch (NumberFormatException e) {
        problems.add("cpdHours", "validation.number");
      }
    }
    Integer cap = null;
    if (!capacity.isEmpty()) {
      if (capacity.matches("-?\\d{1,9}")) {
        cap = Integer.valueOf(capacity);
      } else {
        problems.add("capacity", "validation.integer");
      }
    }
    return new ProgrammeInput.Raw(
        slug,
        new org.lectern.shared.i18n.LocalizedText(title),
        new org.lectern.shared.i18n.LocalizedText(description),
        languages,
        zone(),
        cpd,
        cap,
        waitlist,
        approvalRequired);
  }

  /** The zone typed in "another zone" wins over the list. */
  String zone() {
    return timeZoneOther.isEmpty() ? timeZone : timeZoneOther;
  }

  Integer expectedVersion() {
    return version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
  }

  public boolean hasLanguage(String code) {
    return languages.contains(code);
  }

  public String title(String lang) {
    return title.getOrDefault(lang, "");
  }

  public String description(String lang) {
    return description.getOrDefault(lang, "");
  }

  /** Fieldsets for every language: the programme's first, in its order, then the others. */
  public List<String> fieldsetOrder() {
    // Only known languages: a re-shown form may hold whatever was posted ("-1").
    List<String> out =
        new ArrayList<>(languages.stream().filter(Language.codes()::contains).toList());
    Language.codes().stream().filter(c -> !out.contains(c)).forEach(out::add);
    return out;
  }
}
