package org.lectern.attendance.results;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every five minutes, on one node, recomputes the stored results of programmes a background refresh
 * missed (ADR 0008), so the next dashboard view does not have to.
 */
@Configuration(proxyBeanMethods = false)
class AttendanceTasks {

  @Bean
  RecurringTask<Void> attendanceResultsTask(ResultService results) {
    return Tasks.recurring("attendance-results", FixedDelay.of(Duration.ofMinutes(5)))
        .execute(
            (instance, context) -> results.programmesWithStaleSessions().forEach(results::refresh));
  }
}
