package org.lectern.notification;

import java.util.UUID;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.springframework.stereotype.Component;

/**
 * The display name mails about a programme are sent under: the mail sender name its organisation
 * set up. Neutral mails never carry it (it names the organiser).
 */
@Component
record SenderNames(ProgrammeService programmes, OrganisationService organisations) {

  /** The mail, sent under the organisation's name and counted for the programme. */
  OutgoingMail dress(OutgoingMail mail, UUID programmeId) {
    if (programmeId == null) {
      return mail;
    }
    return programmes
        .find(programmeId)
        .map(
            p ->
                mail.withSenderName(mail.neutral() ? null : of(p))
                    .about(p.id(), p.organisationId()))
        .orElse(mail);
  }

  String of(Programme programme) {
    if (programme.organisationId() == null) {
      return null;
    }
    return organisations
        .find(programme.organisationId())
        .map(Organisation::mailSenderName)
        .filter(n -> n != null && !n.isBlank())
        .orElse(null);
  }
}
