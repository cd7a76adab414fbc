package org.lectern.identity;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Issues the link for a request after its answer was sent (see {@link DelegateAccess#request}). */
@Component
class DelegateSignInRequestListener {

  private final DelegateAccess access;

  DelegateSignInRequestListener(DelegateAccess access) {
    this.access = access;
  }

  @ApplicationModuleListener
  void on(DelegateSignInRequested e) {
    access.issue(e.requestId());
  }
}
