package org.lectern.identity;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * The "Your account" page: the password form, the person's API tokens and, once, a new token's
 * secret.
 */
public record AccountPage(
    String email,
    String fullName,
    FormErrors passwordErrors,
    List<TokenRow> tokens,
    FormErrors tokenErrors,
    String tokenName,
    String newToken,
    String notice,
    boolean mayManageAccounts,
    List<Integer> tokenDays) {

  /**
   * A token as listed: its name and when it was made, last used and expires, in the viewer's zone.
   */
  public record TokenRow(String id, String name, String created, String lastUsed, String expires) {}
}
