package org.lectern.reporting;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.FormSetup;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.StandardField;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.springframework.stereotype.Component;

/** Programmes, delegates, funders and tokens for report tests, through the real services. */
@Component
public class ReportFixture {

  /**
   * One delegate as registered: the attributes reports count, and the personal data they must not.
   */
  record Delegate(
      String name,
      String email,
      String region,
      String gender,
      String profession,
      String years,
      String language) {}

  private final Fixtures fixtures;
  private final ProgrammeService programmes;
  private final FormSetup forms;
  private final RegistrationService registrations;
  private final UserService users;
  private final ApiTokenService tokens;
  @org.springframework.beans.factory.annotation.Autowired ReportPublications publications;

  /** Releases the programme's current figures to its funders, as the organiser would. */
  ReportSnapshot publish(LecternUser organiser, UUID programme, String note) {
    return publications.publish(organiser, programme, note);
  }

  ReportFixture(
      Fixtures fixtures,
      ProgrammeService programmes,
      FormSetup forms,
      RegistrationService registrations,
      UserService users,
      ApiTokenService tokens) {
    this.fixtures = fixtures;
    this.programmes = programmes;
    this.forms = forms;
    this.registrations = registrations;
    this.users = users;
    this.tokens = tokens;
  }

  public LecternUser organiser(String label) {
    return fixtures.organiser(label);
  }

  public UUID programme(LecternUser organiser, String slug) {
    return programmeIn(organiser, null, slug);
  }

  /** A programme of the given organisation (null: the organiser's own). */
  public UUID programmeIn(LecternUser organiser, UUID organisationId, String slug) {
    var p =
        programmes.create(
            organiser,
            organisationId,
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    slug + "-" + UUID.randomUUID().toString().substring(0, 6),
                    new LocalizedText(
                        Map.of(
                            "en",
                            "ICCPR webinars",
                            "ru",
                            "Вебинары по МПГПП",
                            "kk",
                            "ХАСҚП вебинарлары")),
                    LocalizedText.empty(),
                    List.of("ru", "kk", "en"),
                    "Asia/Almaty",
                    BigDecimal.valueOf(2),
                    1000,
                    true,
                    false)));
    forms.save(
        organiser,
        p.id(),
        EnumSet.of(
            StandardField.REGION,
            StandardField.PROFESSION,
            StandardField.LANGUAGE,
            StandardField.GENDER,
            StandardField.YEARS),
        EnumSet.noneOf(StandardField.class),
        true,
        false,
        LocalizedText.empty());
    return p.id();
  }

  UUID register(LecternUser organiser, UUID programme, Delegate d) {
    var r =
        new RegistrationRequest(
            d.name(),
            d.email(),
            null,
            d.region(),
            "OTHER".equals(d.region()) ? "GB" : null,
            null,
            d.profession(),
            d.years(),
            d.gender(),
            null,
            null,
            d.language(),
            null,
            Map.of(),
            true,
            Map.of(),
            null);
    return registrations.register(programme, r, organiser).registration().id();
  }

  LecternUser funderOf(LecternUser organiser, UUID programme) {
    return member(organiser, programme, ProgrammeRole.FUNDER);
  }

  public LecternUser member(LecternUser organiser, UUID programme, ProgrammeRole role) {
    UUID id =
        users.create(
            role.name().toLowerCase()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org",
            "Member " + role,
            Fixtures.PASSWORD,
            false);
    programmes.grant(organiser, programme, id, role);
    return users.find(id).orElseThrow();
  }

  public String token(LecternUser user) {
    return tokens.issue(user.id(), "test").token();
  }
}
