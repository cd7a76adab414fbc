package org.lectern.registration;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lectern.programme.Programme;
import org.lectern.reference.Regions;
import org.lectern.registration.RegistrationViews.FormPage;
import org.lectern.registration.RegistrationViews.Option;
import org.lectern.registration.RegistrationViews.QuestionView;
import org.lectern.registration.RegistrationViews.SessionChoice;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the public form in the visitor's language, names sorted by that language's rules. */
@Component
record FormPages(RegistrationService service, FormSetupRepository forms, Regions regions) {

  FormPage form(
      Programme p,
      Ui ui,
      Map<String, String> values,
      Map<String, List<String>> multi,
      FormErrors errors) {
    FormSettings s = forms.settings(p.id());
    String lang = ui.lang();
    var fallbacks = p.languages();
    Collator collator = Collator.getInstance(new ULocale(lang));
    List<Option> regionOptions =
        new ArrayList<>(
            regions.all().stream()
                .map(r -> new Option(r.code(), r.name(lang)))
                .sorted(Comparator.comparing(Option::label, collator))
                .toList());
    regionOptions.add(new Option(Regions.OTHER, ui.t("registration.region.OTHER")));
    List<Option> countries =
        java.util.Arrays.stream(Locale.getISOCountries())
            .filter(c -> !c.equals("KZ"))
            .map(c -> new Option(c, new ULocale("", c).getDisplayCountry(new ULocale(lang))))
            .sorted(Comparator.comparing(Option::label, collator))
            .toList();
    var questions =
        forms.questions(p.id()).stream()
            .filter(Question::active)
            .map(
                q ->
                    new QuestionView(
                        q.field(),
                        q.kind().name(),
                        q.label().show(lang, fallbacks),
                        q.kind() == Question.Kind.YES_NO
                            ? List.of(
                                new Option("yes", ui.t("registration.yes")),
                                new Option("no", ui.t("registration.no")))
                            : q.options().stream()
                                .map(o -> new Option(o.value(), o.label().in(lang, fallbacks)))
                                .toList(),
                        q.required(),
                        multi.getOrDefault(q.field(), List.of())))
            .toList();
    var consent =
        forms.currentConsent(p.id()).map(c -> c.texts().show(lang, fallbacks)).orElse(null);
    var zone = ui.zoneOr(p.timeZone());
    var sessions =
        service.hybridSessionsOf(p).stream()
            .map(
                x ->
                    new SessionChoice(
                        "attend." + x.id(),
                        x.title().show(lang, fallbacks),
                        ui.time().dateTime(x.startsAt(), zone) + " (" + zone.getId() + ")",
                        values.getOrDefault("attend." + x.id(), "")))
            .toList();
    return new FormPage(
        p.slug(),
        p.title().show(lang, fallbacks),
        service.isOpen(p, s),
        s.fields().stream().map(Enum::name).toList(),
        s.required().stream().filter(s::asks).map(Enum::name).toList(),
        regionOptions,
        countries,
        options(Vocabulary.PROFESSIONS, "registration.profession.", ui),
        options(Vocabulary.YEARS_BANDS, "registration.years.", ui),
        options(Vocabulary.GENDERS, "registration.gender.", ui),
        Vocabulary.LANGUAGES.stream().map(l -> new Option(l, ui.t("language." + l))).toList(),
        questions,
        consent,
        sessions,
        values,
        errors);
  }

  private static List<Option> options(List<String> values, String prefix, Ui ui) {
    return values.stream().map(v -> new Option(v, ui.t(prefix + v))).toList();
  }
}
