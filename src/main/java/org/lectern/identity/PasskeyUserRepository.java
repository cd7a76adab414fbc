package org.lectern.identity;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/**
 * The WebAuthn user handle of each person (a random 64-byte id, the only thing a passkey says about
 * its owner). Spring Security's relying party looks people up by "username": here that is the
 * account's id, so that no address is kept in clear; the name and display name the authenticator
 * shows are read from the account (sealed there) whenever options are made.
 */
@Repository
class PasskeyUserRepository implements PublicKeyCredentialUserEntityRepository {

  private final JdbcClient jdbc;
  private final UserService users;

  PasskeyUserRepository(JdbcClient jdbc, UserService users) {
    this.jdbc = jdbc;
    this.users = users;
  }

  /** The person's handle, made (once, whatever the races) the first time they add a passkey. */
  Bytes handleOf(UUID userId) {
    jdbc.sql(
            "insert into passkey_user (user_id, entity_id) values (:u, :e)"
                + " on conflict (user_id) do nothing")
        .param("u", userId)
        .param("e", Bytes.random().toBase64UrlString())
        .update();
    return Bytes.fromBase64(handle(userId).orElseThrow());
  }

  Optional<UUID> ownerOf(Bytes handle) {
    return jdbc.sql("select user_id from passkey_user where entity_id = :e")
        .param("e", handle.toBase64UrlString())
        .query(UUID.class)
        .optional();
  }

  private Optional<String> handle(UUID userId) {
    return jdbc.sql("select entity_id from passkey_user where user_id = :u")
        .param("u", userId)
        .query(String.class)
        .optional();
  }

  @Override
  public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
    return ownerOf(id).flatMap(u -> entity(u, id)).orElse(null);
  }

  @Override
  public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
    UUID userId;
    try {
      userId = UUID.fromString(username);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return handle(userId).flatMap(h -> entity(userId, Bytes.fromBase64(h))).orElse(null);
  }

  private Optional<PublicKeyCredentialUserEntity> entity(UUID userId, Bytes handle) {
    return users
        .find(userId)
        .map(
            u ->
                ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(handle)
                    .name(u.email())
                    .displayName(
                        u.fullName() == null || u.fullName().isBlank() ? u.email() : u.fullName())
                    .build());
  }

  @Override
  public void save(PublicKeyCredentialUserEntity userEntity) {
    // Handles are made by handleOf before any options are asked for; nothing else saves one.
    throw new UnsupportedOperationException("passkey handles are made by handleOf");
  }

  @Override
  public void delete(Bytes id) {
    jdbc.sql("delete from passkey_user where entity_id = :e")
        .param("e", id.toBase64UrlString())
        .update();
  }
}
