package org.lectern.registration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Expired registration requests (and the personal data they hold) are deleted by db-scheduler; the
 * same job asks the mail step for requests still waiting for their mail.
 */
@Configuration(proxyBeanMethods = false)
class OptInTasks {

  @Bean
  RecurringTask<Void> registrationRequestsCleanupTask(
      RequestRepository requests,
      OptInSettler settler,
      Clock clock,
      @Value("${lectern.registration.opt-in.cleanup-interval:15m}") Duration interval) {
    return Tasks.recurring("registration-requests-cleanup", FixedDelay.of(interval))
        .execute(
            (instance, context) -> {
              requests.deleteExpired(clock.instant());
              // Requests whose mail a crash or a failure left due (OptInSettler).
              settler.soon();
            });
  }
}
