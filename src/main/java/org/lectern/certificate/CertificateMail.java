package org.lectern.certificate;

import java.util.List;
import org.lectern.certificate.document.CertificateLanguage;
import org.lectern.notification.DelegateMail;
import org.lectern.notification.MailAttachment;
import org.lectern.notification.MailContent;
import org.lectern.programme.ProgrammePrivacy;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Component;

/**
 * The certificate by e-mail, in the holder's language, with the signed PDF attached. Queued in the
 * issuing transaction and deduplicated by code: a certificate is mailed once. With the programme's
 * neutral wording the mail names nothing and carries no PDF (which names the programme): the
 * delegate downloads it from "My trainings".
 */
@Component
record CertificateMail(
    DelegateMail mail,
    CertificateWording wording,
    CertificateViews views,
    ProgrammePrivacy privacy,
    Transactions transactions) {

  boolean send(Certificate c, String email, byte[] pdf) {
    return transactions.joined(
        () -> {
          CertificateLanguage lang = CertificateLanguage.fromTag(c.language());
          String code = views.code(c);
          boolean neutral = privacy.neutralWording(c.programmeId());
          return mail.send(
              new DelegateMail.Message(
                  "certificate.issued",
                  c.id(),
                  email,
                  c.holderName(),
                  lang.tag(),
                  neutral
                      ? wording.t(lang, "certificate.mail.subject.neutral")
                      : wording.t(lang, "certificate.mail.subject", c.programmeTitle()),
                  List.of(
                      wording.t(
                          lang,
                          neutral ? "certificate.mail.body.neutral" : "certificate.mail.body"),
                      wording.t(lang, "certificate.mail.verify", views.verifyUrl(c))),
                  List.of(
                      new MailContent.Fact(wording.t(lang, "certificate.label.code"), code),
                      new MailContent.Fact(
                          wording.t(lang, "certificate.label.hours"),
                          c.hours().format(lang.locale())
                              + " "
                              + wording.t(lang, "certificate.label.hoursUnit"))),
                  neutral
                      ? List.of()
                      : List.of(new MailAttachment(views.fileName(c), "application/pdf", pdf)),
                  "certificate.issued:" + c.code(),
                  neutral,
                  c.programmeId()));
        });
  }
}
