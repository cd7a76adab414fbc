package org.lectern.shared.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's own figures for monitoring (docs/operations/README.md, "Monitoring"), on the
 * management port's Prometheus endpoint: registrations by status, double opt-in requests waiting,
 * the mail outbox, and how late the most overdue background job is. They are read from the database
 * when scraped, at most every ten seconds, whichever node is asked.
 */
@Component
class OperationalMetrics implements MeterBinder {

  static final List<String> STATUSES =
      List.of("CONFIRMED", "WAITLISTED", "PENDING", "DECLINED", "CANCELLED");
  private static final Duration FRESH = Duration.ofSeconds(10);

  private final JdbcClient jdbc;
  private final Clock clock;
  private Map<String, Double> figures = Map.of();
  private Instant readAt = Instant.MIN;

  OperationalMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : STATUSES) {
      Gauge.builder("lectern.registrations", this, m -> m.figure("registrations." + status))
          .description("Registrations by status, all programmes")
          .tag("status", status)
          .register(registry);
    }
    gauge(
        registry,
        "lectern.registration.requests.pending",
        "requests",
        "Registration requests awaiting the delegate's confirmation (double opt-in)");
    gauge(
        registry, "lectern.mail.outbox.waiting", "waiting", "Mails not yet sent, retries included");
    gauge(
        registry,
        "lectern.mail.outbox.failed",
        "failed",
        "Mails given up: refused or out of attempts");
    Gauge.builder("lectern.jobs.lag", this, m -> m.figure("lag"))
        .description("How late the most overdue background job is")
        .baseUnit("seconds")
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String key, String description) {
    Gauge.builder(name, this, m -> m.figure(key)).description(description).register(registry);
  }

  synchronized double figure(String key) {
    Instant now = clock.instant();
    if (readAt.plus(FRESH).isBefore(now)) {
      figures = read();
      readAt = now;
    }
    return figures.getOrDefault(key, 0.0);
  }

  private Map<String, Double> read() {
    Map<String, Double> read = new HashMap<>();
    jdbc.sql("select status, count(*) from registration group by status")
        .query((rs, n) -> read.put("registrations." + rs.getString(1), rs.getDouble(2)))
        .list();
    read.put(
        "requests",
        jdbc.sql(
                "select count(*) from registration_request"
                    + " where confirmed_at is null and expires_at > now()")
            .query(Double.class)
            .single());
    jdbc.sql(
            "select count(*) filter (where status = 'PENDING'),"
                + " count(*) filter (where status in ('FAILED', 'BOUNCED')) from mail_outbox")
        .query(
            (rs, n) -> {
              read.put("waiting", rs.getDouble(1));
              return read.put("failed", rs.getDouble(2));
            })
        .list();
    read.put(
        "lag",
        jdbc.sql(
                "select coalesce(extract(epoch from max(now() - execution_time)), 0)"
                    + " from scheduled_tasks where not picked and execution_time < now()")
            .query(Double.class)
            .single());
    return read;
  }
}
