package org.lectern.identity;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * The person's second factors. The authenticator app: being set up (the secret as text, as an
 * otpauth:// address and as a QR code) or on ({@code enrolled}). Their passkeys, with the form to
 * add one. The recovery codes appear once, right after they were made.
 */
public record SecondFactorSetupPage(
    boolean enrolled,
    boolean required,
    String secret,
    String uri,
    String qrSvg,
    List<String> recoveryCodes,
    int unusedCodes,
    FormErrors errors,
    String notice,
    boolean anyFactor,
    List<PasskeyRow> passkeys,
    String passkeyName,
    FormErrors passkeyErrors,
    String zone) {

  /** A passkey as listed: the name given, when added and last used, in the viewer's zone. */
  public record PasskeyRow(String id, String name, String added, String lastUsed) {}
}
