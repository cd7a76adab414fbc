package org.lectern.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly retention run (02:30 UTC). db-scheduler runs a recurring task on one node at a time;
 * each programme is also claimed by a conditional update, so even two overlapping runs anonymise it
 * once.
 */
@Configuration(proxyBeanMethods = false)
class RetentionTasks {

  @Bean
  RecurringTask<Void> retentionTask(Retention retention) {
    return Tasks.recurring(
            "retention-anonymise", Schedules.daily(ZoneOffset.UTC, LocalTime.of(2, 30)))
        .execute((instance, context) -> retention.anonymiseDue());
  }
}
