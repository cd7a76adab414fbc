package org.lectern.shared.web;

import java.security.Principal;

/**
 * The name shown for a signed-in principal; features may expose a richer one via HasDisplayName.
 */
final class DisplayNames {

  private DisplayNames() {}

  /** Delegates sign in with one-time links and see "My trainings", never the back office. */
  static boolean isDelegate(Principal p) {
    return p instanceof org.springframework.security.core.Authentication a
        && a.getAuthorities().stream().anyMatch(g -> "ROLE_DELEGATE".equals(g.getAuthority()));
  }

  static String of(Principal p) {
    if (p instanceof org.springframework.security.core.Authentication a
        && a.getPrincipal() instanceof HasDisplayName named) {
      return named.displayName();
    }
    return p.getName();
  }
}
