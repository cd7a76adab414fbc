package org.lectern.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A Hikari pool for the embedded database, sized like the default for an external one. */
final class PooledDataSource {

  private PooledDataSource() {}

  static HikariDataSource of(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(20);
    config.setPoolName("lectern");
    return new HikariDataSource(config);
  }
}
