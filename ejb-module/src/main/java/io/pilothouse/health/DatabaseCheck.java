package io.pilothouse.health;

import io.pilothouse.infrastructure.ResourceNames;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Readiness of the store's database (etcd's place in upstream's {@code [+]etcd ok}). */
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = ResourceNames.DATASOURCE)
  private DataSource dataSource;

  @Override
  public String name() {
    return "database";
  }

  @Override
  public void check() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(TIMEOUT_SECONDS)) {
        throw new SQLException("database connection is not valid");
      }
    }
  }
}
