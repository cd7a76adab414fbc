package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/** The new-account page: the form as typed, its errors, and the address just invited. */
public record UsersPage(UserForm form, FormErrors errors, String created) {

  /** The new-account form as typed. */
  public record UserForm(String email, String fullName, String language) {}
}
