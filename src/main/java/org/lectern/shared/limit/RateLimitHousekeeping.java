package org.lectern.shared.limit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the rows of ended windows every minute, on one node: the table holds only the windows now
 * running, and a participant's activity is not kept past its window.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitHousekeeping {

  @Bean
  RecurringTask<Void> rateLimitPruneTask(JdbcClient jdbc, Clock clock) {
    return Tasks.recurring("rate-limit-prune", FixedDelay.of(Duration.ofMinutes(1)))
        .execute((instance, context) -> prune(jdbc, clock));
  }

  static int prune(JdbcClient jdbc, Clock clock) {
    return jdbc.sql("delete from rate_limit_window where window_end <= :now")
        .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
  }
}
