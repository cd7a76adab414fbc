package org.lectern.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.learning.LearningDemo;
import org.lectern.news.Posts;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammePartner;
import org.lectern.programme.ProgrammePartners;
import org.lectern.programme.ProgrammeService;
import org.lectern.reporting.ReportPublications;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.session.SessionSpeaker;
import org.lectern.session.SpeakerRole;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.speaker.SpeakerInput;
import org.lectern.speaker.SpeakerService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo data set through the same services organisers use, so the demo obeys every rule
 * the product enforces.
 */
@Component
public record DemoData(
    UserService users,
    OrganisationService organisations,
    SpeakerService speakers,
    ProgrammeService programmes,
    ProgrammePartners partners,
    SessionService sessions,
    DemoDelegates delegates,
    DemoAttendance attendance,
    CertificateService certificates,
    // Optional, so tests can leave them out: the learning module's tests, feedback and follow-up
    // answers of the 2021 series, the reflection post, and the figures published to the funder.
    ObjectProvider<LearningDemo> learning,
    ObjectProvider<Posts> posts,
    ObjectProvider<ReportPublications> publications,
    Transactions transactions) {

  public static final String ORGANISER_EMAIL = "organiser@demo.lectern.example";
  public static final String ORGANISER_PASSWORD = "demo-organiser-2021";
  public static final String FUNDER_EMAIL = "funder@demo.lectern.example";
  public static final String FUNDER_PASSWORD = "demo-funder-2021";

  /**
   * Issues the 2021 webinars' certificates to those who completed, as the organiser would after the
   * series. Rendering and signing take a few seconds, so the demo loader runs this after start-up.
   */
  public int issueCertificates() {
    LecternUser organiser = users.findByEmail(ORGANISER_EMAIL).orElseThrow();
    UUID programme = programmes.findBySlug("iccpr-webinars-2021").orElseThrow().id();
    int issued = certificates.issueAll(organiser, programme).issued();
    publications.ifAvailable(
        p -> p.publish(organiser, programme, "Final report, certificates issued"));
    return issued;
  }

  public boolean isEmpty() {
    return organisations.all().isEmpty();
  }

  public void load() {
    transactions.run(
        () -> {
          DemoDataSet set = read();
          Map<String, Organisation> orgs = new HashMap<>();
          for (var o : set.organisations()) {
            orgs.put(
                o.slug(), organisations.create(o.slug(), new LocalizedText(o.name()), o.website()));
          }
          UUID organiserId =
              users.create(ORGANISER_EMAIL, "Demo Organiser", ORGANISER_PASSWORD, false);
          // Administrator of the organisations, so the demo can create funder accounts too.
          orgs.values().forEach(o -> users.grantOrganisationRole(o.id(), organiserId, "ADMIN"));
          LecternUser organiser = users.find(organiserId).orElseThrow();
          Map<String, UUID> speakerIds = new HashMap<>();
          for (var s : set.speakers()) {
            var in =
                SpeakerInput.validate(
                    s.fullName(), new LocalizedText(s.bio()), s.affiliation(), true);
            speakerIds.put(
                s.key(), speakers.create(organiser, orgs.get(s.organisation()).id(), in).id());
          }
          Map<String, UUID> programmeIds = new HashMap<>();
          for (var p : set.programmes()) {
            programmeIds.put(p.slug(), programme(organiser, p, orgs, speakerIds));
          }
          delegates.register(
              organiser,
              programmeIds.get("almaty-training-2019"),
              DemoDelegates.IN_PERSON_2019,
              2019);
          delegates.register(
              organiser, programmeIds.get("iccpr-webinars-2021"), DemoDelegates.ONLINE_2021, 2021);
          attendance.record(
              organiser,
              programmeIds.get("iccpr-webinars-2021"),
              ZoneId.of("Asia/Almaty"),
              5,
              2021);
          learning.ifAvailable(l -> l.seed(programmeIds.get("iccpr-webinars-2021"), 2021));
          posts.ifAvailable(
              p ->
                  DemoReflection.publish(
                      p,
                      organiser,
                      orgs.get("bar-human-rights-forum").id(),
                      programmeIds.get("iccpr-webinars-2021"),
                      speakerIds.get("eleanor-whitcombe")));
          UUID funderId = users.create(FUNDER_EMAIL, "Demo Funder", FUNDER_PASSWORD, false);
          programmes.grant(
              organiser,
              programmeIds.get("iccpr-webinars-2021"),
              funderId,
              org.lectern.programme.ProgrammeRole.FUNDER);
          // Funders see only what the organiser releases (ADR 0017): the series' figures,
          // published.
          publications.ifAvailable(
              p ->
                  p.publish(
                      organiser,
                      programmeIds.get("iccpr-webinars-2021"),
                      "After the last session"));
        });
  }

  private UUID programme(
      LecternUser actor,
      DemoDataSet.DemoProgramme d,
      Map<String, Organisation> orgs,
      Map<String, UUID> speakerIds) {
    var input =
        ProgrammeInput.validate(
            new ProgrammeInput.Raw(
                d.slug(),
                new LocalizedText(d.title()),
                new LocalizedText(d.description()),
                d.languages(),
                d.timeZone(),
                d.cpdHours(),
                d.capacity(),
                d.waitlist(),
                d.approvalRequired()));
    Programme p = programmes.create(actor, orgs.get(d.organisation()).id(), input);
    int position = 0;
    for (var partner : d.partners()) {
      // The seed's partnerships were agreed before the data was loaded.
      partners.putAgreedPartner(
          p.id(),
          new ProgrammePartner(
              orgs.get(partner.organisation()).id(),
              PartnerRole.valueOf(partner.role()),
              text(partner.acknowledgement()),
              text(partner.disclaimer()),
              position++));
    }
    for (var s : d.sessions()) {
      sessions.create(actor, p.id(), raw(s), assignments(s, speakerIds), true);
    }
    if ("PUBLISHED".equals(d.status())) {
      programmes.publish(actor, p.id());
    }
    return p.id();
  }

  private static SessionInput.Raw raw(DemoDataSet.DemoSession s) {
    return new SessionInput.Raw(
        new LocalizedText(s.title()),
        text(s.summary()),
        OffsetDateTime.parse(s.startsAt()).toInstant(),
        OffsetDateTime.parse(s.endsAt()).toInstant(),
        s.mode(),
        text(s.venue()),
        s.roomCapacity(),
        s.language(),
        s.interpretation(),
        s.iccprArticles(),
        s.meeting() == null ? null : s.meeting().provider(),
        s.meeting() == null ? null : s.meeting().url());
  }

  private static List<SessionSpeaker> assignments(
      DemoDataSet.DemoSession s, Map<String, UUID> speakerIds) {
    List<SessionSpeaker> out = new ArrayList<>();
    int i = 0;
    for (var a : s.speakers() == null ? List.<DemoDataSet.Assignment>of() : s.speakers()) {
      out.add(new SessionSpeaker(speakerIds.get(a.speaker()), SpeakerRole.valueOf(a.role()), i++));
    }
    return out;
  }

  private static LocalizedText text(Map<String, String> m) {
    return m == null ? LocalizedText.empty() : new LocalizedText(m);
  }

  private static DemoDataSet read() {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/demo-data.json")) {
      return JsonMapper.builder().build().readValue(in, DemoDataSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
