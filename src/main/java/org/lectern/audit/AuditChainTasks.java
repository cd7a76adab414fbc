package org.lectern.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Entries are linked right after their transaction commits; this catches those a node could not
 * link (it stopped between the commit and the link), once a minute on one node.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainTasks {

  @Bean
  RecurringTask<Void> auditChainLinkTask(AuditChain chain) {
    return Tasks.recurring("audit-chain-link", FixedDelay.of(Duration.ofMinutes(1)))
        .execute((instance, context) -> chain.link());
  }
}
