package org.lectern.certificate;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.PersonalDataRemoval;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An issued certificate keeps its code, status, programme, hours, dates and issuer, so the code
 * still verifies; the holder's name, licence number and the stored PDF (which prints the name) go,
 * and the verification page says why the name is missing ({@code holder_removed}).
 */
@Component
record CertificateRemoval(JdbcClient jdbc, PersonalDataCipher cipher)
    implements PersonalDataRemoval {

  private static final String BLANK =
      """
      update certificate set holder_name = :n, licence_number = null, pdf = :pdf,
        holder_removed = coalesce(holder_removed, :reason)
      """;

  @Override
  public void anonymiseProgramme(UUID programmeId, RemovalReason reason) {
    blank("where programme_id = :p", reason).param("p", programmeId).update();
  }

  @Override
  public void eraseRegistrations(List<UUID> ids, RemovalReason reason) {
    blank("where registration_id in (:ids)", reason).param("ids", ids).update();
  }

  private JdbcClient.StatementSpec blank(String where, RemovalReason reason) {
    return jdbc.sql(BLANK + where)
        .param("n", cipher.encrypt("", CertificateRepository.NAME))
        .param("pdf", cipher.encrypt("", CertificateRepository.PDF))
        .param("reason", reason.name());
  }
}
