package org.lectern.registration;

import org.lectern.shared.lifecycle.CoalescingWorker;
import org.springframework.stereotype.Component;

/**
 * The one background thread that answers registration requests after they commit ({@link
 * OptInSettler}). A failure is left for the next submission, the next start or the clean-up.
 */
@Component
class OptInThread extends CoalescingWorker {

  OptInThread() {
    super("opt-in-mail");
  }
}
