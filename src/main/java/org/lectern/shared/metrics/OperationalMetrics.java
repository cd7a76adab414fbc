package org.lectern.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's own figures for monitoring (docs/operations/README.md, "Monitoring"), on the
 * management port's Prometheus endpoint: how late the most overdue background job is. The modules
 * add theirs (registrations by status and double opt-in requests waiting in registration, the mail
 * outbox in notification), each from its own tables.
 */
@Component
class OperationalMetrics implements MeterBinder {

  private final FreshFigures figures;

  OperationalMetrics(JdbcClient jdbc, Clock clock) {
    this.figures =
        new FreshFigures(
            clock,
            () ->
                Map.of(
                    "lag",
                    jdbc.sql(
                            "select coalesce(extract(epoch from max(now() - execution_time)), 0)"
                                + " from scheduled_tasks where not picked and execution_time < now()")
                        .query(Double.class)
                        .single()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    figures
        .gauge("lectern.jobs.lag", "lag", "How late the most overdue background job is")
        .baseUnit("seconds")
        .register(registry);
  }
}
