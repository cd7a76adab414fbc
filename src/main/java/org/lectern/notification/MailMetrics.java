package org.lectern.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.lectern.shared.metrics.FreshFigures;
import org.springframework.stereotype.Component;

/** The mail outbox for monitoring: mails waiting and mails given up. */
@Component
class MailMetrics implements MeterBinder {

  private final FreshFigures figures;

  MailMetrics(OutboxRepository outbox, Clock clock) {
    this.figures = new FreshFigures(clock, outbox::waitingAndFailed);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    figures.register(
        registry, "lectern.mail.outbox.waiting", "waiting", "Mails not yet sent, retries included");
    figures.register(
        registry,
        "lectern.mail.outbox.failed",
        "failed",
        "Mails given up: refused or out of attempts");
  }
}
