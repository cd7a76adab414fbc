package org.lectern.shared.web;

import java.security.Principal;

/**
 * The name shown for a signed-in principal; features may expose a richer one via HasDisplayName.
 */
final class DisplayNames {

  private DisplayNames() {}

  static String of(Principal p) {
    if (p instanceof org.springframework.security.core.Authentication a
        && a.getPrincipal() instanceof HasDisplayName named) {
      return named.displayName();
    }
    return p.getName();
  }
}
