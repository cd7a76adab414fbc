package org.lectern.notification;

/**
 * The order in which due mail leaves: what a person is waiting for right now (a sign-in link, a
 * password reset, a registration confirmation) before reminders, reminders before bulk mail
 * (announcements, certificate batches). A burst of bulk mail never delays the first lane by more
 * than one batch.
 */
public enum MailLane {
  URGENT(0),
  REMINDER(1),
  BULK(2);

  private final int priority;

  MailLane(int priority) {
    this.priority = priority;
  }

  /** Lower leaves first; stored with each outbox row. */
  public int priority() {
    return priority;
  }

  /**
   * The lane of a mail kind: mails that carry a credential, and mails about a person's own
   * registration or account, are urgent; reminders are reminders; announcements, certificates and
   * follow-up surveys are bulk. A kind added later falls into the urgent lane when it is about a
   * person's account or registration, else among the reminders — never behind a bulk burst by
   * default.
   */
  static MailLane of(MailKind kind) {
    String code = kind.code();
    if (kind.credential()
        || code.startsWith("registration.")
        || code.startsWith("identity.")
        || code.startsWith("delegate.")) {
      return URGENT;
    }
    if (code.equals("programme.announcement")
        || code.equals("certificate.issued")
        || code.startsWith("learning.followUp")) {
      return BULK;
    }
    return REMINDER;
  }
}
