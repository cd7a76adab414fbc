package org.lectern.shared.database;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * db-scheduler 16's auto-configuration orders itself after Spring Boot 3's data-source class, which
 * Boot 4 renamed; with an external database it then ran before the data source existed and silently
 * created no scheduler (no e-mail sent, no reminders). Lectern excludes it
 * (spring.autoconfigure.exclude) and imports it here, after the data source and Flyway.
 */
@AutoConfiguration(
    after = {
      DataSourceAutoConfiguration.class,
      DataSourceTransactionManagerAutoConfiguration.class,
      FlywayAutoConfiguration.class
    })
@Import(DbSchedulerAutoConfiguration.class)
public class DbSchedulerAfterDataSource {}
