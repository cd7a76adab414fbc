package org.lectern.registration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.shared.metrics.FreshFigures;
import org.springframework.stereotype.Component;

/** Registrations by status and double opt-in requests waiting, for monitoring. */
@Component
class RegistrationMetrics implements MeterBinder {

  static final List<String> STATUSES =
      List.of("CONFIRMED", "WAITLISTED", "PENDING", "DECLINED", "CANCELLED");

  private final RegistrationFactsRepository registrations;
  private final FreshFigures figures;

  RegistrationMetrics(RegistrationFactsRepository registrations, Clock clock) {
    this.registrations = registrations;
    this.figures = new FreshFigures(clock, this::read);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : STATUSES) {
      figures
          .gauge(
              "lectern.registrations",
              "registrations." + status,
              "Registrations by status, all programmes")
          .tag("status", status)
          .register(registry);
    }
    figures.register(
        registry,
        "lectern.registration.requests.pending",
        "requests",
        "Registration requests awaiting the delegate's confirmation (double opt-in)");
  }

  private Map<String, Double> read() {
    Map<String, Double> read = new HashMap<>();
    registrations.countsByStatus().forEach((status, n) -> read.put("registrations." + status, n));
    read.put("requests", registrations.pendingRequests());
    return read;
  }
}
