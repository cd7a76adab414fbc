package org.lectern.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.registration.InvitationMailer;
import org.lectern.registration.Invitee;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Component;

/** The invitation e-mail with the personal registration link, in the invitee's language. */
@Component
record InvitationMails(
    Outbox outbox,
    ProgrammeFactsLoader facts,
    MailFrame frame,
    Wording wording,
    MailRenderer renderer,
    Transactions transactions)
    implements InvitationMailer {

  @Override
  public void send(UUID invitationId, UUID programmeId, Invitee invitee, String link) {
    transactions.joinedRun(
        () -> {
          String lang = Wording.language(invitee.language()).code();
          ProgrammeFacts p = facts.load(programmeId);
          String subject =
              p.neutral()
                  ? frame.neutralSubject(p, lang)
                  : wording.t(lang, "notification.invitation.subject", p.title(lang));
          List<MailContent.Fact> shown =
              p.neutral() ? List.of() : new ArrayList<>(frame.programmeFacts(p, lang));
          MailContent content =
              new MailContent(
                  lang,
                  subject,
                  frame.greeting(lang, invitee.fullName(), p.neutral()),
                  List.of(wording.t(lang, "notification.invitation.body")),
                  shown,
                  new MailContent.Link(wording.t(lang, "notification.invitation.action"), link),
                  frame.footer(lang, p.neutral()));
          // A new upload renews the link: the dedupe key includes the link so the new one is sent.
          outbox.enqueue(
              renderer
                  .layout(content)
                  .mail(
                      "registration.invited",
                      invitationId,
                      invitee.email(),
                      List.of(),
                      "registration.invited:"
                          + invitationId
                          + ":"
                          + Integer.toHexString(link.hashCode()),
                      p.neutral())
                  .withSenderName(p.senderName())
                  .about(p.programme().id(), p.programme().organisationId()));
        });
  }
}
