package org.lectern.identity;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * An account's address and name, given in clear or read sealed and opened on first use (issue 16:
 * an API call reads its token's account and, unless it shows or records the name, needs neither —
 * no decryption on the organiser API's path for them). A browser session stores them opened, inside
 * its sealed attributes (ADR 0021).
 */
final class AccountNames implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private String email;
  private String fullName;
  private transient byte[] sealedEmail;
  private transient byte[] sealedName;
  private transient AccountSeal seal;

  private AccountNames(String email, String fullName) {
    this.email = email;
    this.fullName = fullName;
  }

  static AccountNames clear(String email, String fullName) {
    return new AccountNames(email, fullName);
  }

  static AccountNames sealed(byte[] email, byte[] fullName, AccountSeal seal) {
    AccountNames names = new AccountNames(null, null);
    names.sealedEmail = email;
    names.sealedName = fullName;
    names.seal = seal;
    return names;
  }

  synchronized String email() {
    if (sealedEmail != null) {
      email = seal.openEmail(sealedEmail);
      sealedEmail = null;
    }
    return email;
  }

  synchronized String fullName() {
    if (sealedName != null) {
      fullName = seal.openName(sealedName);
      sealedName = null;
    }
    return fullName;
  }

  /** Whether neither was opened yet (tests: the API's path opens nothing). */
  synchronized boolean unopened() {
    return sealedEmail != null && sealedName != null;
  }

  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    email();
    fullName();
    synchronized (this) {
      out.defaultWriteObject();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountNames other
        && Objects.equals(email(), other.email())
        && Objects.equals(fullName(), other.fullName());
  }

  @Override
  public int hashCode() {
    return Objects.hash(email(), fullName());
  }

  @Override
  public String toString() {
    return "AccountNames";
  }
}
