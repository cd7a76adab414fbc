package org.lectern.registration;

import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Invitation lists: the organiser uploads invitees, each gets a personal registration link by
 * e-mail, and the organiser sees who opened it and who registered.
 */
@Service
public record InvitationService(
    ProgrammeService programmes,
    Invitations invitations,
    InvitationMailer mailer,
    AuditLog audit,
    @Value("${lectern.base-url}") String baseUrl,
    Transactions transactions) {

  /** Reads the uploaded list and invites everyone on it, or nobody when it has any problem. */
  public int inviteFromCsv(LecternUser actor, UUID programmeId, byte[] csv) {
    return transactions.result(() -> invite(actor, programmeId, csv));
  }

  private int invite(LecternUser actor, UUID programmeId, byte[] csv) {
    Programme p = programmes.manageable(actor, programmeId);
    List<Invitee> invitees = InviteeCsv.read(csv, p.mainLanguage());
    for (Invitee i : invitees) {
      String token = invitations.invite(programmeId, i.email(), i.fullName(), i.language());
      UUID id = invitations.ofEmail(programmeId, i.email()).orElseThrow();
      String link = baseUrl + "/programmes/" + p.slug() + "/register?invitation=" + token;
      mailer.send(id, programmeId, i, link);
    }
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.email(),
            "registration.invited",
            p.organisationId(),
            "programme",
            programmeId.toString(),
            invitees.size(),
            null));
    return invitees.size();
  }

  /** Everyone invited, with opened and registered times; the listing is audited. */
  public List<Invitations.Sent> list(LecternUser actor, UUID programmeId) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          List<Invitations.Sent> all = invitations.of(programmeId);
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.email(),
                  "registration.invitationsListed",
                  p.organisationId(),
                  "programme",
                  programmeId.toString(),
                  all.size(),
                  null));
          return all;
        });
  }

  /** Records that an invitee opened their link (the registration form with their token). */
  public void opened(UUID programmeId, String token) {
    transactions.run(
        () -> invitations.valid(programmeId, token).ifPresent(invitations::markOpened));
  }
}
