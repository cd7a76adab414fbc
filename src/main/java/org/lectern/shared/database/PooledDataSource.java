package org.lectern.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A Hikari pool for the embedded database; its size is {@code LECTERN_DB_POOL_SIZE} (README). More
 * connections than the cores can keep busy only queue inside PostgreSQL instead of in the pool.
 */
final class PooledDataSource {

  private PooledDataSource() {}

  static HikariDataSource of(String url, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("lectern");
    return new HikariDataSource(config);
  }
}
