package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organiser's registration is checked against the node's copy of the programme and its form
 * set-up (ADR 0004, amendment "checked against a copy"); the batch reads both again and registers
 * only what the copy still holds. Each test warms the copy on the second node, changes something
 * through the first node, and sends the next request to the second node: it must be answered as
 * from fresh reads, and nothing is written for a request the fresh reads refuse.
 */
class ProgrammeCopiesIT extends OrganisationIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  final HttpClient http = HttpClient.newHttpClient();

  @Autowired FormSetup forms;
  @Autowired RegistrationService service;
  @Autowired CopyEnrolment copyEnrolment;
  @Autowired ProgrammeCopies copies;
  @Autowired ProgrammeService programmes;

  String baseB;
  ProgrammeCopies copiesB;

  @BeforeAll
  void secondNode() {
    baseB = SecondNode.baseUrl();
    copiesB = SecondNode.get().getBean(ProgrammeCopies.class);
  }

  private HttpResponse<String> post(String base, String token, UUID p, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/programmes/" + p + "/registrations"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String person(String email) {
    return "{\"email\":\"" + email + "\",\"fullName\":\"Делегат\",\"language\":\"ru\"}";
  }

  /** A programme whose copy the second node holds, after one registration through it. */
  private UUID warmOnB(String token, int capacity) throws Exception {
    UUID p = fx.programme(org, capacity, true, false);
    assertThat(post(baseB, token, p, person("warm-" + p + "@example.kz")).statusCode())
        .isEqualTo(201);
    assertThat(copiesB.get(p)).isPresent();
    return p;
  }

  @Test
  void aQuestionAddedOnOneNodeIsAskedByTheNextRequestOnTheOther() throws Exception {
    String token = fx.token(organiser);
    UUID p = warmOnB(token, 100);
    var q =
        forms.addQuestion(
            organiser,
            p,
            Question.Kind.TEXT,
            LocalizedText.empty().with("en", "Court?").with("ru", "Суд?").with("kk", "Сот?"),
            LocalizedText.empty(),
            true);

    // The copy on B does not know the question: the batch finds it out of date, the request is
    // checked again from fresh reads and refused as it would be anywhere, and nothing is written.
    String email = "no-answer-" + p + "@example.kz";
    var refused = post(baseB, token, p, person(email));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains(q.field());
    assertThat(fx.count(p)).isOne();
    assertThat(post(baseUrl(), token, p, person(email)).body()).isEqualTo(refused.body());

    // The question no longer asked: B's copy (read again) still had it, but a refusal is only
    // given from fresh reads — the next request on B is registered.
    forms.setActive(organiser, p, q.id(), false);
    var accepted = post(baseB, token, p, person(email));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    assertThat(fx.count(p)).isEqualTo(2);
  }

  @Test
  void aFieldMadeRequiredOnOneNodeIsRequiredByTheNextRequestOnTheOther() throws Exception {
    String token = fx.token(organiser);
    UUID p = warmOnB(token, 100);
    forms.save(
        organiser,
        p,
        EnumSet.of(StandardField.LANGUAGE, StandardField.PHONE),
        EnumSet.of(StandardField.PHONE),
        true,
        false,
        LocalizedText.empty());

    String email = "no-phone-" + p + "@example.kz";
    var refused = post(baseB, token, p, person(email));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("phone");
    assertThat(fx.count(p)).isOne();
    assertThat(post(baseUrl(), token, p, person(email)).body()).isEqualTo(refused.body());
    // B holds the new form set-up now.
    assertThat(copiesB.get(p).orElseThrow().form().settings().required())
        .contains(StandardField.PHONE);
  }

  @Test
  void aProgrammeChangedOnOneNodeIsSeenByTheNextRequestOnTheOther() throws Exception {
    String token = fx.token(organiser);
    UUID p = warmOnB(token, 100);
    int before = copiesB.get(p).orElseThrow().programme().version();
    // Capacity down to the one registration there is, main language Kazakh.
    var changed =
        programmes.update(
            organiser,
            p,
            new ProgrammeInput(
                fx.slug(p),
                LocalizedText.empty().with("en", "ICCPR").with("ru", "МПГПП").with("kk", "ХАСҚП"),
                LocalizedText.empty(),
                List.of("kk", "ru", "en"),
                ZoneId.of("Asia/Almaty"),
                BigDecimal.ONE,
                1,
                true,
                false));
    assertThat(changed.version()).isGreaterThan(before);

    var r = post(baseB, token, p, person("after-" + p + "@example.kz"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(JSON.readTree(r.body()).get("status").asString()).isEqualTo("WAITLISTED");
    assertThat(fx.count(p, "CONFIRMED")).isOne();
    // B read the programme again: its copy is the changed programme.
    var copy = copiesB.get(p).orElseThrow().programme();
    assertThat(copy.version()).isEqualTo(changed.version());
    assertThat(copy.mainLanguage()).isEqualTo("kk");
  }

  @Test
  void aTokenRevokedOnOneNodeIsRefusedAtOnceOnTheOtherWhoseCopyIsWarm() throws Exception {
    var issued = tokens.issue(organiser.id(), "copies");
    UUID p = warmOnB(issued.token(), 100);
    assertThat(tokens.revoke(organiser.id(), issued.id())).isTrue();

    String email = "revoked-" + p + "@example.kz";
    var refused = post(baseB, issued.token(), p, person(email));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(fx.count(p)).isOne();
    assertThat(post(baseUrl(), issued.token(), p, person(email)).body()).isEqualTo(refused.body());
  }

  @Test
  void aCopyOutOfDateRegistersNothingEvenWhenTheRequestPassesItsCheck() throws Exception {
    String token = fx.token(organiser);
    UUID p = fx.programme(org, 100, true, false);
    assertThat(post(baseUrl(), token, p, person("warm-" + p + "@example.kz")).statusCode())
        .isEqualTo(201);
    var old = copies.get(p).orElseThrow();
    // A question nobody has to answer: the request passes the old copy's check and the new form's.
    forms.addQuestion(
        organiser,
        p,
        Question.Kind.TEXT,
        LocalizedText.empty().with("en", "Notes").with("ru", "Заметки").with("kk", "Жазбалар"),
        LocalizedText.empty(),
        false);
    var request = RegistrationRequest.minimal("Делегат", "late-" + p + "@example.kz", "ru");

    // Only the batch's own read tells the copy is out of date: nothing written, the copy dropped.
    assertThat(copyEnrolment.registerWithCopy(old, request)).isEmpty();
    assertThat(fx.count(p)).isOne();
    assertThat(copies.get(p)).isEmpty();

    // Checked again from fresh reads (as the API does), it is registered, and the copy is new.
    var fresh = service.access(organiser, p).orElseThrow();
    assertThat(service.registerGrouped(fresh, request).created()).isTrue();
    assertThat(fx.count(p)).isEqualTo(2);
    var copy = copies.get(p).orElseThrow();
    assertThat(copy.form().questions()).hasSize(1);
    assertThat(copyEnrolment.registerWithCopy(copy, request).orElseThrow().created()).isFalse();
  }
}
