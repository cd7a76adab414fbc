package org.lectern.certificate;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.certificate.document.OrganisationSigningKey;
import org.lectern.certificate.document.SigningKeys;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organisation's signing key, created on first need (self-signed, 10 years). The private key
 * is stored encrypted like personal data; the certificate is public so anyone can verify offline.
 * Decrypted keys are cached in memory: bulk issuing signs hundreds of files with one key.
 */
@Component
class SigningKeyStore {

  static final Duration VALIDITY = Duration.ofDays(3653);
  private static final String CONTEXT = "certificate_signing_key.private_key";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final TransactionTemplate ownTransaction;
  private final Map<UUID, OrganisationSigningKey> cache = new ConcurrentHashMap<>();

  SigningKeyStore(
      JdbcClient jdbc, PersonalDataCipher cipher, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  // A new key commits on its own: if the issuing transaction rolls back, the cached key must
  // still be the stored (and so trusted) one.
  OrganisationSigningKey keyOf(UUID organisationId, String organisationName) {
    return cache.computeIfAbsent(
        organisationId, id -> ownTransaction.execute(s -> loadOrCreate(id, organisationName)));
  }

  private OrganisationSigningKey loadOrCreate(UUID organisationId, String organisationName) {
    return load(organisationId)
        .orElseGet(
            () -> {
              OrganisationSigningKey key =
                  SigningKeys.generateSelfSigned(organisationName, VALIDITY);
              // Two nodes may race to create it: the first insert wins, both use the stored one.
              jdbc.sql(
                      """
                      insert into certificate_signing_key (organisation_id, certificate_pem,
                        private_key) values (:id, :cert, :key) on conflict do nothing
                      """)
                  .param("id", organisationId)
                  .param("cert", key.certificatePem())
                  .param("key", cipher.encrypt(key.privateKeyPem(), CONTEXT))
                  .update();
              return load(organisationId).orElseThrow();
            });
  }

  private Optional<OrganisationSigningKey> load(UUID organisationId) {
    return jdbc.sql(
            "select certificate_pem, private_key from certificate_signing_key"
                + " where organisation_id = :id")
        .param("id", organisationId)
        .query(
            (rs, i) ->
                OrganisationSigningKey.fromPem(
                    cipher.decrypt(rs.getBytes(2), CONTEXT), rs.getString(1)))
        .optional();
  }

  /** The public certificate (PEM) of an organisation, if it has signed anything yet. */
  Optional<String> certificatePem(UUID organisationId) {
    return jdbc.sql(
            "select certificate_pem from certificate_signing_key where organisation_id = :id")
        .param("id", organisationId)
        .query(String.class)
        .optional();
  }

  /** Every organisation's public certificate: the trust list of the upload check. */
  Map<UUID, X509Certificate> trusted() {
    Map<UUID, X509Certificate> all = new java.util.LinkedHashMap<>();
    List<Map.Entry<UUID, String>> rows =
        jdbc.sql("select organisation_id, certificate_pem from certificate_signing_key")
            .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    rows.forEach(r -> all.put(r.getKey(), OrganisationSigningKey.certificateFromPem(r.getValue())));
    return all;
  }
}
