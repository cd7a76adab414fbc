package org.lectern.notification;

import org.springframework.stereotype.Component;

/** For tests of other modules: deliver every mail that is due now, without waiting for the job. */
@Component
public class OutboxDrain {

  private final OutboxSender sender;

  OutboxDrain(OutboxSender sender) {
    this.sender = sender;
  }

  public int sendDue() {
    return sender.sendDue();
  }
}
