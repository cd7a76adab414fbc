package org.lectern.identity;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * Setting up an authenticator app (the secret as text, as an otpauth:// address and as a QR code)
 * or, once set up, its state; the recovery codes appear once, right after they were made.
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
    String notice) {}
