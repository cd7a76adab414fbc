package org.lectern.certificate;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePartner;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.session.SessionSpeaker;
import org.lectern.session.SpeakerRole;
import org.lectern.shared.error.NotFoundException;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerService;
import org.springframework.stereotype.Component;

/** Loads a {@link ProgrammeRecord} through the other modules' public services. */
@Component
record ProgrammeRecords(
    ProgrammeService programmes,
    SessionService sessions,
    SpeakerService speakers,
    OrganisationService organisations,
    CertificateSettingsRepository settings) {

  private static final Set<SpeakerRole> TRAINERS =
      Set.of(SpeakerRole.PRESENTER, SpeakerRole.LOCAL_EXPERT);

  ProgrammeRecord load(UUID programmeId) {
    Programme p =
        programmes.find(programmeId).orElseThrow(() -> new NotFoundException("programme.notFound"));
    return load(p, settings.of(programmeId));
  }

  /** With settings not yet saved, for the preview. */
  ProgrammeRecord load(Programme p, CertificateSettings s) {
    Organisation organiser =
        organisations
            .find(p.organisationId())
            .orElseThrow(() -> new NotFoundException("programme.notFound"));
    List<Session> published =
        sessions.publishedOfProgramme(p.id()).stream()
            .sorted(Comparator.comparing(Session::startsAt))
            .toList();
    return new ProgrammeRecord(
        p, organiser, partners(p), published, trainers(published), articles(published), s);
  }

  private List<Organisation> partners(Programme p) {
    List<UUID> ids =
        programmes.partners(p.id()).stream()
            .filter(x -> x.role() != PartnerRole.FUNDER)
            .filter(x -> !x.organisationId().equals(p.organisationId()))
            .sorted(Comparator.comparingInt(ProgrammePartner::position))
            .map(ProgrammePartner::organisationId)
            .distinct()
            .toList();
    List<Organisation> found = organisations.findAll(ids);
    return ids.stream()
        .flatMap(id -> found.stream().filter(o -> o.id().equals(id)).findFirst().stream())
        .toList();
  }

  private List<String> trainers(List<Session> published) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (Session s : published) {
      sessions.speakers(s.id()).stream()
          .filter(sp -> TRAINERS.contains(sp.role()))
          .sorted(Comparator.comparingInt(SessionSpeaker::position))
          .forEach(sp -> ids.add(sp.speakerId()));
    }
    List<Speaker> found = speakers.findAll(ids);
    return ids.stream()
        .flatMap(id -> found.stream().filter(sp -> sp.id().equals(id)).findFirst().stream())
        .map(Speaker::fullName)
        .toList();
  }

  private static List<Integer> articles(List<Session> published) {
    Set<Integer> all = new LinkedHashSet<>();
    published.forEach(s -> all.addAll(s.iccprArticles() == null ? List.of() : s.iccprArticles()));
    return all.stream().sorted().toList();
  }
}
