package org.lectern.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Live-room streams open on this node, for monitoring (docs/operations/README.md). */
@Component
record LiveMetrics(LiveStream stream) implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lectern.live.clients", stream, LiveStream::subscribers)
        .description("Live-room streams open on this node")
        .register(registry);
  }
}
