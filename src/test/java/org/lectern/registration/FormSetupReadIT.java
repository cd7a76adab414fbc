package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form set-up a registration is checked against is read in one statement per registration
 * (issue 16, not cached): whatever the organiser changes — consent text, questions, opening, hybrid
 * sessions — the very next registration sees it.
 */
class FormSetupReadIT extends OrganisationIT {

  @Autowired RegistrationService service;
  @Autowired FormSetup forms;

  private RegistrationRequest request(String email, boolean consent, Map<String, String> attend) {
    return Registrations.request("Делегат", email, "ru", consent, attend);
  }

  private UUID consentOf(Registration r) {
    return jdbc.sql("select consent_id from registration where id = :id")
        .param("id", r.id())
        .query(UUID.class)
        .single();
  }

  private void saveForm(UUID p, boolean open, String consent) {
    forms.save(
        organiser,
        p,
        EnumSet.of(StandardField.LANGUAGE),
        EnumSet.noneOf(StandardField.class),
        open,
        false,
        LocalizedText.empty().with("en", consent).with("ru", consent).with("kk", consent));
  }

  @Test
  void aChangedConsentTextIsWhatTheNextRegistrationAccepts() {
    UUID p = fx.programme(org, 100, true, false);
    saveForm(p, true, "First text");
    var first = service.register(p, request("a-" + p + "@example.kz", true, Map.of()), null);
    saveForm(p, true, "Second text");
    var second = service.register(p, request("b-" + p + "@example.kz", true, Map.of()), null);

    var current = forms.consent(p).orElseThrow();
    assertThat(current.version()).isEqualTo(2);
    assertThat(consentOf(second.registration())).isEqualTo(current.id());
    assertThat(consentOf(first.registration())).isNotEqualTo(current.id()).isNotNull();
  }

  @Test
  void aNewRequiredQuestionIsAskedOfTheNextRegistration() {
    UUID p = fx.programme(org, 100, true, false);
    service.register(p, request("before-" + p + "@example.kz", false, Map.of()), null);
    var q =
        forms.addQuestion(
            organiser,
            p,
            Question.Kind.TEXT,
            LocalizedText.empty().with("en", "Court?").with("ru", "Суд?").with("kk", "Сот?"),
            LocalizedText.empty(),
            true);
    assertThatThrownBy(
            () -> service.register(p, request("after-" + p + "@example.kz", false, Map.of()), null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.fields()).anyMatch(f -> f.field().equals(q.field())));
    assertThat(fx.count(p)).isEqualTo(1);
  }

  @Test
  void aSessionMadeHybridAndAClosedFormAreSeenAtOnce() {
    UUID p = fx.programme(org, 100, true, false);
    UUID s = fx.session(p, Instant.now().plus(40, ChronoUnit.DAYS), "ONLINE", 10);
    var choice = Map.of(s.toString(), "ROOM");
    // Not hybrid: no choice of room to make.
    assertThatThrownBy(
            () -> service.register(p, request("x-" + p + "@example.kz", false, choice), null))
        .isInstanceOf(InvalidInputException.class);
    jdbc.sql("update session set mode = 'HYBRID' where id = :s").param("s", s).update();
    var r = service.register(p, request("y-" + p + "@example.kz", false, choice), null);
    assertThat(r.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);

    saveForm(p, false, "Text");
    assertThatThrownBy(
            () -> service.register(p, request("z-" + p + "@example.kz", true, Map.of()), null))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("registration.closed"));
    assertThat(fx.count(p)).isEqualTo(1);
  }
}
