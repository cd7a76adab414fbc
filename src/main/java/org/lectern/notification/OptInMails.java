package org.lectern.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.registration.OptInMailer;
import org.lectern.shared.database.Transactions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one e-mail a public registration request gets, in the language chosen on the form: confirm,
 * already registered, full or closed. Only this mail tells what happened. The greeting names no
 * one: the name was typed by whoever submitted the form, who may not be the address's holder.
 */
@Component
record OptInMails(
    Outbox outbox,
    ProgrammeFactsLoader facts,
    MailFrame frame,
    Wording wording,
    MailRenderer renderer,
    @Value("${lectern.registration.opt-in.link-validity:48h}") Duration validity,
    Transactions transactions)
    implements OptInMailer {

  @Override
  public void send(
      Kind kind,
      UUID requestId,
      UUID programmeId,
      String email,
      String fullName,
      String language,
      String link,
      Outlook outlook) {
    transactions.joinedRun(
        () -> {
          String lang = Wording.language(language).code();
          ProgrammeFacts p = factsOf(programmeId);
          String code = code(kind);
          String key = "notification.optIn." + code;
          String subject =
              p.neutral()
                  ? frame.neutralSubject(p, lang)
                  : wording.t(lang, key + ".subject", p.title(lang));
          List<String> paragraphs = new ArrayList<>();
          paragraphs.add(wording.t(lang, key + ".body"));
          MailContent.Link action;
          if (kind == Kind.CONFIRM) {
            paragraphs.add(wording.t(lang, "notification.optIn.outlook." + outlook.name()));
            paragraphs.add(
                wording.t(lang, "notification.optIn.confirm.validity", validity.toHours()));
            // The link's page in the mail's language, on whatever browser opens it (a phone's
            // mail app often opens its own, which knows nothing of the form's language).
            action =
                new MailContent.Link(
                    wording.t(lang, "notification.optIn.confirm.action"),
                    link + (link.contains("?") ? "&" : "?") + "lang=" + lang);
          } else if (kind == Kind.ALREADY_REGISTERED) {
            action = frame.myTrainings(lang);
          } else {
            action = null;
          }
          paragraphs.add(wording.t(lang, "notification.optIn.ignore"));
          MailContent content =
              new MailContent(
                  lang,
                  subject,
                  wording.t(lang, "notification.greeting.anonymous"),
                  paragraphs,
                  frame.programmeFacts(p, lang),
                  action,
                  frame.footer(lang, p.neutral()));
          // The link is a credential: the dedupe key names only the request.
          outbox.enqueue(
              renderer
                  .layout(content)
                  .mail(
                      "registration.optIn." + code,
                      requestId,
                      email,
                      List.of(),
                      "registration.optIn:" + requestId,
                      p.neutral())
                  .withSenderName(p.senderName())
                  .about(p.programme().id(), p.programme().organisationId()));
        });
  }

  /**
   * A programme's facts (programme, sessions, wording, sender), read once per transaction: the mail
   * step answers a batch of requests in one (issue 16: four statements per mail before).
   */
  private ProgrammeFacts factsOf(UUID programmeId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return facts.load(programmeId);
    }
    @SuppressWarnings("unchecked")
    var read = (Map<UUID, ProgrammeFacts>) TransactionSynchronizationManager.getResource(this);
    if (read == null) {
      Map<UUID, ProgrammeFacts> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(OptInMails.this);
            }
          });
      read = fresh;
    }
    return read.computeIfAbsent(programmeId, facts::load);
  }

  private static String code(Kind kind) {
    return switch (kind) {
      case CONFIRM -> "confirm";
      case ALREADY_REGISTERED -> "alreadyRegistered";
      case FULL -> "full";
      case CLOSED -> "closed";
    };
  }
}
