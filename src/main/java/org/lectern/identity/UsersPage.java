package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/**
 * The new-account page: the form as typed, its errors, the address just invited and the message key
 * that tells of it (an organisation administrator's says the same whether the address already had
 * an account or not).
 */
public record UsersPage(UserForm form, FormErrors errors, String created, String createdKey) {

  /** The new-account form as typed. */
  public record UserForm(String email, String fullName, String language) {}
}
