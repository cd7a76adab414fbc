package org.lectern.identity;

import java.util.Collection;
import java.util.List;
import org.lectern.shared.web.HasDisplayName;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A delegate signed in with a one-time link. Not an app_user: the username is the blind index of
 * the e-mail address, so neither the session nor the token table holds the address in clear.
 */
public record DelegatePrincipal(String emailIndex, String email, String language)
    implements UserDetails, HasDisplayName, org.lectern.shared.session.SessionOwner {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_DELEGATE"));
  }

  @Override
  public String getPassword() {
    return "";
  }

  @Override
  public String getUsername() {
    return emailIndex;
  }

  @Override
  public String sessionOwner() {
    return "delegate:" + emailIndex;
  }

  @Override
  public String displayName() {
    return email;
  }

  @Override
  public String toString() {
    return "DelegatePrincipal[" + emailIndex.substring(0, Math.min(8, emailIndex.length())) + "]";
  }
}
