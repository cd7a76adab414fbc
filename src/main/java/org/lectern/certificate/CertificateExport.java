package org.lectern.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.SqlPersonalDataExport;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A delegate's certificates: code, status, what was printed, and the link that verifies it. */
@Component
@Order(3)
class CertificateExport extends SqlPersonalDataExport {

  CertificateExport(JdbcClient jdbc, PersonalDataCipher cipher) {
    super("certificates", jdbc, cipher);
  }

  @Override
  protected List<Map<String, Object>> rows(List<UUID> ids) {
    return jdbc.sql(
            """
            select registration_id, code, status, issued_at, half_hours, holder_name,
              licence_number, programme_title, issuer
            from certificate where registration_id in (:ids) order by issued_at
            """)
        .param("ids", ids)
        .query(
            (rs, i) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("registrationId", rs.getObject("registration_id", UUID.class).toString());
              m.put("code", rs.getString("code"));
              m.put("status", rs.getString("status"));
              m.put("issuedAt", rs.getTimestamp("issued_at").toInstant().toString());
              m.put("hours", rs.getInt("half_hours") / 2.0);
              m.put(
                  "holderName",
                  cipher.decrypt(rs.getBytes("holder_name"), CertificateRepository.NAME));
              m.put(
                  "licenceNumber",
                  cipher.decrypt(rs.getBytes("licence_number"), "certificate.licence_number"));
              m.put("programmeTitle", rs.getString("programme_title"));
              m.put("issuer", rs.getString("issuer"));
              m.put("verify", "/verify/" + rs.getString("code"));
              return m;
            })
        .list();
  }
}
