package org.lectern.shared.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Figures for monitoring that a module reads from its own tables when they are scraped, at most
 * every ten seconds, whichever node is asked (docs/operations/README.md, "Monitoring").
 */
public final class FreshFigures {

  private static final Duration FRESH = Duration.ofSeconds(10);

  private final Clock clock;
  private final Supplier<Map<String, Double>> reader;
  private Map<String, Double> figures = Map.of();
  private Instant readAt = Instant.MIN;

  public FreshFigures(Clock clock, Supplier<Map<String, Double>> reader) {
    this.clock = clock;
    this.reader = reader;
  }

  public synchronized double figure(String key) {
    Instant now = clock.instant();
    if (readAt.plus(FRESH).isBefore(now)) {
      figures = reader.get();
      readAt = now;
    }
    return figures.getOrDefault(key, 0.0);
  }

  /** A gauge showing the figure {@code key}. */
  public Gauge.Builder<FreshFigures> gauge(String name, String key, String description) {
    return Gauge.builder(name, this, f -> f.figure(key)).description(description);
  }

  public void register(MeterRegistry registry, String name, String key, String description) {
    gauge(name, key, description).register(registry);
  }
}
