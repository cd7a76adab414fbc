package org.lectern.reporting;

import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Valid certificates of a programme, counted in the certificate feature's table; "no data yet"
 * until that feature is merged and has issued something.
 */
@Component
class SqlCertificateFigures implements CertificateFigures {

  private final JdbcClient jdbc;
  private volatile boolean present;

  SqlCertificateFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public OptionalInt issued(UUID programmeId) {
    if (!present) {
      present =
          jdbc.sql("select to_regclass('public.certificate') is not null")
              .query(Boolean.class)
              .single();
      if (!present) {
        return OptionalInt.empty();
      }
    }
    int n =
        jdbc.sql("select count(*) from certificate where programme_id = :p and status = 'VALID'")
            .param("p", programmeId)
            .query(Integer.class)
            .single();
    return OptionalInt.of(n);
  }
}
