package org.lectern.shared.session;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Browser sessions in PostgreSQL (Spring Session JDBC, ADR 0021): the table comes from a Flyway
 * migration; attributes are sealed; the owner index is opaque; attribute writes are upserts, so two
 * requests of one browser racing on two nodes do not collide; expired sessions are deleted by one
 * node a minute (db-scheduler), not by every node's own timer.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

  @Bean
  ConversionService springSessionConversionService(PersonalDataCipher cipher) {
    GenericConversionService conversions = new GenericConversionService();
    ClassLoader loader = SessionStoreConfiguration.class.getClassLoader();
    conversions.addConverter(Object.class, byte[].class, SealedAttributes.sealing(cipher));
    conversions.addConverter(byte[].class, Object.class, SealedAttributes.opening(cipher, loader));
    return conversions;
  }

  @Bean
  IndexResolver<Session> sessionOwnerIndex() {
    return new SessionOwnerIndex();
  }

  @Bean
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionUpserts() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }

  @Bean
  RecurringTask<Void> browserSessionCleanupTask(JdbcIndexedSessionRepository sessions) {
    return Tasks.recurring("browser-session-cleanup", FixedDelay.of(Duration.ofMinutes(1)))
        .execute((instance, context) -> sessions.cleanUpExpiredSessions());
  }
}
