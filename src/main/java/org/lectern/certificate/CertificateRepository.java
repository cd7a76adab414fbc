package org.lectern.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.certificate.document.CpdHours;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.AdvisoryLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Certificates in PostgreSQL. Holder name, licence number and the signed PDF (which prints the
 * name) are encrypted; the code is stored compact (no dashes) and unique.
 */
@Component
record CertificateRepository(JdbcClient jdbc, PersonalDataCipher cipher) {

  static final String NAME = "certificate.holder_name";
  private static final String LICENCE = "certificate.licence_number";
  static final String PDF = "certificate.pdf";
  private static final String COLUMNS =
      """
      id, code, registration_id, programme_id, organisation_id, status, issued_at, revoked_at,
      revocation_reason, superseded_by, superseded_at, half_hours, language, holder_name,
      licence_number, programme_title, issuer, topic_neutral, template_version, overridden
      """;

  void insert(Certificate c, byte[] pdf) {
    jdbc.sql(
            """
            insert into certificate (id, code, registration_id, programme_id, organisation_id,
              status, issued_at, half_hours, language, holder_name, licence_number,
              programme_title, issuer, topic_neutral, template_version, overridden, pdf)
            values (:id, :code, :reg, :programme, :org, :status, :issued, :half, :lang, :name,
              :licence, :title, :issuer, :neutral, :version, :overridden, :pdf)
            """)
        .param("id", c.id())
        .param("code", c.code())
        .param("reg", c.registrationId())
        .param("programme", c.programmeId())
        .param("org", c.organisationId())
        .param("status", c.status().name())
        .param("issued", Timestamp.from(c.issuedAt()))
        .param("half", (int) c.hours().halfHours())
        .param("lang", c.language())
        .param("name", cipher.forProgramme(c.programmeId()).encrypt(c.holderName(), NAME))
        .param("licence", cipher.forProgramme(c.programmeId()).encrypt(c.licenceNumber(), LICENCE))
        .param("title", c.programmeTitle())
        .param("issuer", c.issuer())
        .param("neutral", c.topicNeutral())
        .param("version", c.templateVersion())
        .param("overridden", c.overridden())
        .param("pdf", encryptBytes(c.programmeId(), pdf))
        .update();
  }

  void updateStatus(Certificate c) {
    jdbc.sql(
            """
            update certificate set status = :status, revoked_at = :revoked,
              revocation_reason = :reason, superseded_by = :by, superseded_at = :supersededAt
            where id = :id
            """)
        .param("id", c.id())
        .param("status", c.status().name())
        .param("revoked", c.revokedAt() == null ? null : Timestamp.from(c.revokedAt()))
        .param("reason", c.revocationReason())
        .param("by", c.supersededBy())
        .param("supersededAt", c.supersededAt() == null ? null : Timestamp.from(c.supersededAt()))
        .update();
  }

  Optional<Certificate> findByCode(String compactCode) {
    return jdbc.sql("select " + COLUMNS + " from certificate where code = :code")
        .param("code", compactCode)
        .query(this::map)
        .optional();
  }

  /** Why the holder's name was removed (RETENTION, ERASURE, PURGE), or empty while it is kept. */
  Optional<String> holderRemoved(UUID id) {
    return jdbc.sql("select holder_removed from certificate where id = :id")
        .param("id", id)
        .query(String.class)
        .optional()
        .filter(java.util.Objects::nonNull);
  }

  Optional<Certificate> validOf(UUID registrationId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from certificate where registration_id = :r and status = 'VALID'")
        .param("r", registrationId)
        .query(this::map)
        .optional();
  }

  List<Certificate> ofProgramme(UUID programmeId, int limit, int offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from certificate where programme_id = :p order by issued_at, id"
                + " limit :l offset :o")
        .param("p", programmeId)
        .param("l", limit)
        .param("o", offset)
        .query(this::map)
        .list();
  }

  /** How many certificates the programme has: all ever issued, or only those still valid. */
  int count(UUID programmeId, boolean validOnly) {
    String valid = validOnly ? " and status = 'VALID'" : "";
    return jdbc.sql("select count(*) from certificate where programme_id = :p" + valid)
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }

  Optional<UUID> programmeOfCode(String code) {
    return jdbc.sql("select programme_id from certificate where code = :s")
        .param("s", code)
        .query(UUID.class)
        .optional();
  }

  List<Certificate> ofRegistrations(Collection<UUID> registrationIds) {
    if (registrationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from certificate where registration_id in (:ids) order by issued_at desc")
        .param("ids", registrationIds)
        .query(this::map)
        .list();
  }

  Optional<byte[]> pdf(UUID id) {
    return jdbc.sql("select pdf from certificate where id = :id and holder_removed is null")
        .param("id", id)
        .query((rs, i) -> decryptBytes(rs.getBytes(1)))
        .optional();
  }

  /** Serialises issuing for one registration until the transaction ends. */
  void lock(UUID registrationId) {
    AdvisoryLocks.untilCommit(jdbc, "certificate:" + registrationId, 0);
  }

  // The cipher works on text; Base64 keeps the PDF's bytes intact through it.
  private byte[] encryptBytes(UUID programmeId, byte[] pdf) {
    return cipher
        .forProgramme(programmeId)
        .encrypt(java.util.Base64.getEncoder().encodeToString(pdf), PDF);
  }

  private byte[] decryptBytes(byte[] stored) {
    return java.util.Base64.getDecoder().decode(cipher.decrypt(stored, PDF));
  }

  private Certificate map(ResultSet rs, int row) throws SQLException {
    return new Certificate(
        rs.getObject("id", UUID.class),
        rs.getString("code"),
        rs.getObject("registration_id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        CertificateStatus.valueOf(rs.getString("status")),
        instant(rs, "issued_at"),
        instant(rs, "revoked_at"),
        rs.getString("revocation_reason"),
        rs.getObject("superseded_by", UUID.class),
        instant(rs, "superseded_at"),
        new CpdHours(rs.getInt("half_hours")),
        rs.getString("language"),
        cipher.decrypt(rs.getBytes("holder_name"), NAME),
        cipher.decrypt(rs.getBytes("licence_number"), LICENCE),
        rs.getString("programme_title"),
        rs.getString("issuer"),
        rs.getBoolean("topic_neutral"),
        rs.getInt("template_version"),
        rs.getBoolean("overridden"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
