package org.lectern.identity;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's WebAuthn relying party, set up from {@code lectern.passkeys.*}: the relying
 * party id (the site's domain; default the host of {@code lectern.base-url}) and the origins whose
 * pages may use the passkeys (default the origin of {@code lectern.base-url}). Made on first use,
 * when the server's own address is known. Every passkey is discoverable and verifies its holder
 * (PIN or biometrics), so a passkey alone is two factors.
 */
@Component
class PasskeyRelyingParty {

  private final Environment env;
  private final PasskeyUserRepository handles;
  private final UserCredentialRepository credentials;
  private final JsonMapper json =
      JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
  private volatile WebAuthnRelyingPartyOperations operations;

  PasskeyRelyingParty(Environment env, PasskeyUserRepository handles, JdbcTemplate jdbc) {
    this.env = env;
    this.handles = handles;
    this.credentials = new JdbcUserCredentialRepository(jdbc);
  }

  WebAuthnRelyingPartyOperations operations() {
    WebAuthnRelyingPartyOperations ops = operations;
    if (ops == null) {
      synchronized (this) {
        if (operations == null) {
          operations = build();
        }
        ops = operations;
      }
    }
    return ops;
  }

  UserCredentialRepository credentials() {
    return credentials;
  }

  JsonMapper json() {
    return json;
  }

  /** A credential as the browser created it, from the JSON our script sends. */
  PublicKeyCredential<AuthenticatorAttestationResponse> attestation(String body) {
    return json.readValue(body, type(AuthenticatorAttestationResponse.class));
  }

  /** A signed assertion as the browser returned it, from the JSON our script sends. */
  PublicKeyCredential<AuthenticatorAssertionResponse> assertion(String body) {
    return json.readValue(body, type(AuthenticatorAssertionResponse.class));
  }

  private JavaType type(Class<?> response) {
    return json.getTypeFactory()
        .constructType(
            ResolvableType.forClassWithGenerics(PublicKeyCredential.class, response).getType());
  }

  String rpId() {
    String configured = env.getProperty("lectern.passkeys.rp-id", "");
    return configured.isBlank() ? URI.create(baseUrl()).getHost() : configured.strip();
  }

  Set<String> origins() {
    String configured = env.getProperty("lectern.passkeys.origins", "");
    if (configured.isBlank()) {
      URI base = URI.create(baseUrl());
      String port = base.getPort() < 0 ? "" : ":" + base.getPort();
      return Set.of(base.getScheme() + "://" + base.getHost() + port);
    }
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(configured.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
        .forEach(out::add);
    return out;
  }

  private String baseUrl() {
    return env.getProperty("lectern.base-url", "http://localhost:8080");
  }

  private WebAuthnRelyingPartyOperations build() {
    PublicKeyCredentialRpEntity rp =
        PublicKeyCredentialRpEntity.builder()
            .id(rpId())
            .name(env.getProperty("lectern.passkeys.rp-name", "Lectern"))
            .build();
    Webauthn4JRelyingPartyOperations ops =
        new Webauthn4JRelyingPartyOperations(handles, credentials, rp, origins());
    ops.setCustomizeCreationOptions(
        o ->
            o.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                    .residentKey(ResidentKeyRequirement.REQUIRED)
                    .userVerification(UserVerificationRequirement.REQUIRED)
                    .build()));
    ops.setCustomizeRequestOptions(o -> o.userVerification(UserVerificationRequirement.REQUIRED));
    return ops;
  }
}
