package org.lectern.identity;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * The "Your account" page: the name form (with a request to set it when the account still has the
 * name the first administrator was created with), the password form, the person's API tokens and,
 * once, a new token's secret.
 */
public record AccountPage(
    String email,
    String fullName,
    FormErrors nameErrors,
    String nameValue,
    boolean askForName,
    FormErrors passwordErrors,
    List<TokenRow> tokens,
    FormErrors tokenErrors,
    String tokenName,
    String newToken,
    String notice,
    boolean mayManageAccounts,
    List<Integer> tokenDays) {

  /** The same page with the name form's problems and what was typed. */
  AccountPage withNameErrors(FormErrors errors, String typed) {
    return new AccountPage(
        email,
        fullName,
        errors,
        typed,
        askForName,
        passwordErrors,
        tokens,
        tokenErrors,
        tokenName,
        newToken,
        notice,
        mayManageAccounts,
        tokenDays);
  }

  /**
   * A token as listed: its name and when it was made, last used and expires, in the viewer's zone.
   */
  public record TokenRow(String id, String name, String created, String lastUsed, String expires) {}
}
