package org.lectern.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.web.HasDisplayName;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person signed in to the back office or calling the API with their token. {@code sessionEpoch}
 * is the account's counter at sign-in: when the password changes or the account is disabled the
 * counter moves on and sessions holding the old value end (see {@link AccountStateFilter}).
 */
public record LecternUser(
    UUID id,
    AccountNames names,
    String passwordHash,
    boolean platformAdmin,
    boolean disabled,
    int sessionEpoch)
    implements UserDetails, HasDisplayName, org.lectern.shared.session.SessionOwner {

  public LecternUser(
      UUID id, String email, String fullName, String passwordHash, boolean platformAdmin) {
    this(id, email, fullName, passwordHash, platformAdmin, false, 0);
  }

  public LecternUser(
      UUID id,
      String email,
      String fullName,
      String passwordHash,
      boolean platformAdmin,
      boolean disabled,
      int sessionEpoch) {
    this(
        id,
        AccountNames.clear(email, fullName),
        passwordHash,
        platformAdmin,
        disabled,
        sessionEpoch);
  }

  /** The address the person signs in with (opened from its sealed column on first use). */
  public String email() {
    return names.email();
  }

  /** The name the person is shown by (opened from its sealed column on first use). */
  public String fullName() {
    return names.fullName();
  }

  /**
   * The same person after their session was renewed at {@code epoch} (their own password change).
   */
  LecternUser atEpoch(int epoch) {
    return new LecternUser(id, names, passwordHash, platformAdmin, disabled, epoch);
  }

  /** The same person under the name they just gave themselves. */
  LecternUser named(String name) {
    return new LecternUser(
        id, AccountNames.clear(email(), name), passwordHash, platformAdmin, disabled, sessionEpoch);
  }

  /** The owner of this person's browser sessions in the session table (no address in clear). */
  static String sessionOwnerOf(UUID id) {
    return "user:" + id;
  }

  @Override
  public String sessionOwner() {
    return sessionOwnerOf(id);
  }

  @Override
  public boolean isEnabled() {
    return !disabled;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> a = new ArrayList<>();
    a.add(new SimpleGrantedAuthority("ROLE_USER"));
    if (platformAdmin) {
      a.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
    }
    return a;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email();
  }

  @Override
  public String displayName() {
    return fullName();
  }

  @Override
  public String toString() {
    return "LecternUser[" + id + "]";
  }
}
