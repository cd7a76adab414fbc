package org.lectern.learning;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Durable jobs of the learning module, claimed by one node at a time (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class LearningTasks {

  @Bean
  RecurringTask<Void> learningFollowUpTask(
      FollowUpScan scan,
      @Value("${lectern.learning.follow-up-scan-interval:1h}") Duration interval) {
    return Tasks.recurring("learning-follow-up", FixedDelay.of(interval))
        .execute((instance, context) -> scan.sendDue());
  }
}
