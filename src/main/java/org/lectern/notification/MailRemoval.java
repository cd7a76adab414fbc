package org.lectern.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.PersonalDataRemoval;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mails about a programme (to its delegates, about its registrations or sessions) are deleted from
 * the outbox, sent or not; mail already delivered is out of reach. Runs first, because finding a
 * person's mails about a session needs their address, which the registration removal blanks.
 */
@Component
@Order(0)
record MailRemoval(
    JdbcClient jdbc,
    PersonalDataCipher cipher,
    RegistrationService registrations,
    MailFiles files,
    SharedBodies bodies)
    implements PersonalDataRemoval {

  private static final String ABOUT_PROGRAMME =
      """
      (programme_id = :p
       or related_id = :p
       or related_id in (select id from registration_facts where programme_id = :p)
       or related_id in (select id from session_facts where programme_id = :p))
      """;

  @Override
  public void anonymiseProgramme(UUID programmeId, RemovalReason reason) {
    jdbc.sql("delete from mail_outbox where " + ABOUT_PROGRAMME).param("p", programmeId).update();
    forgetGone();
    // The words and files its mails shared (its calendars) go with them, the words first (they
    // name the files).
    bodies.removeUnused(List.of(programmeId));
    files.removeUnused(List.of(programmeId));
  }

  @Override
  public void eraseRegistrations(List<UUID> ids, RemovalReason reason) {
    Set<String> addresses = new HashSet<>();
    Set<UUID> programmes = new HashSet<>();
    for (UUID id : ids) {
      registrations
          .find(id)
          .ifPresent(
              r -> {
                programmes.add(r.programmeId());
                String email = r.details().email();
                if (email != null && !email.isBlank()) {
                  addresses.add(email.strip().toLowerCase(Locale.ROOT));
                }
              });
    }
    jdbc.sql("delete from mail_outbox where related_id in (:ids)").param("ids", ids).update();
    // Mails about the programme or its sessions went to many people: only theirs go.
    for (UUID programme : programmes) {
      List<UUID> theirs =
          jdbc
              .sql("select id, recipient from mail_outbox where " + ABOUT_PROGRAMME)
              .param("p", programme)
              .query(
                  (rs, i) -> {
                    String to = cipher.decrypt(rs.getBytes(2), OutboxRepository.TO);
                    return to != null && addresses.contains(to.strip().toLowerCase(Locale.ROOT))
                        ? rs.getObject(1, UUID.class)
                        : null;
                  })
              .list()
              .stream()
              .filter(java.util.Objects::nonNull)
              .toList();
      if (!theirs.isEmpty()) {
        jdbc.sql("delete from mail_outbox where id in (:ids)").param("ids", theirs).update();
      }
      // An undeliverable mark is a keyed hash of the address: it goes with the person.
      UUID organisation =
          jdbc.sql("select organisation_id from programme_facts where id = :p")
              .param("p", programme)
              .query(UUID.class)
              .optional()
              .orElse(null);
      for (String address : organisation == null ? Set.<String>of() : addresses) {
        jdbc.sql(
                "delete from mail_undeliverable where organisation_id = :org and address_index = :idx")
            .param("org", organisation)
            .param("idx", cipher.emailIndex(address, organisation))
            .update();
      }
    }
    forgetGone();
    // Words and files shared by the mails removed (a programme's calendar), once no other mail
    // sends them.
    bodies.removeUnused(programmes);
    files.removeUnused(programmes);
  }

  /**
   * The due list's entries whose mail was removed (V202612130200: the list has no foreign key, a
   * check per mail queued; the claim passes such entries over, this takes them away).
   */
  private void forgetGone() {
    jdbc.sql(
            """
            delete from mail_outbox_due d
            where not exists (select 1 from mail_outbox m where m.id = d.id)
            """)
        .update();
  }
}
