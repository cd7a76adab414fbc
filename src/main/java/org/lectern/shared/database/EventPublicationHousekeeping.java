package org.lectern.shared.database;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * Completed entries of Spring Modulith's event registry are proof that a listener ran, useful for a
 * while when something went wrong, then only growth: they are deleted once older than {@code
 * lectern.events.keep-completed} (default 7 days), checked every hour on one node. Events carry
 * ids, not personal data, but the registry is no place to keep anything for ever.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationHousekeeping {

  @Bean
  RecurringTask<Void> completedEventsCleanupTask(
      CompletedEventPublications completed,
      @Value("${lectern.events.keep-completed:7d}") Duration keep) {
    return Tasks.recurring("completed-events-cleanup", FixedDelay.of(Duration.ofHours(1)))
        .execute((instance, context) -> completed.deletePublicationsOlderThan(keep));
  }
}
