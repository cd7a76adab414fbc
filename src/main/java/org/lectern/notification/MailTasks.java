package org.lectern.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Durable jobs of the mail module, claimed across nodes by db-scheduler. */
@Configuration(proxyBeanMethods = false)
class MailTasks {

  @Bean
  RecurringTask<Void> mailOutboxTask(
      OutboxSender sender, @Value("${lectern.mail.poll-interval:5s}") Duration interval) {
    return Tasks.recurring("mail-outbox", FixedDelay.of(interval))
        .execute(
            (instance, context) -> {
              // Drain what is due now; a full batch means more may be waiting.
              while (sender.sendDue() == OutboxSender.BATCH) {
                // keep going
              }
            });
  }

  @Bean
  RecurringTask<Void> mailRemindersTask(
      SessionReminders reminders,
      @Value("${lectern.mail.reminder-scan-interval:1m}") Duration interval) {
    return Tasks.recurring("mail-reminders", FixedDelay.of(interval))
        .execute((instance, context) -> reminders.enqueueDue());
  }

  @Bean
  RecurringTask<Void> mailBouncesTask(
      BounceMailbox mailbox, @Value("${lectern.mail.bounces.poll-interval:5m}") Duration interval) {
    return Tasks.recurring("mail-bounces", FixedDelay.of(interval))
        .execute((instance, context) -> mailbox.read());
  }
}
