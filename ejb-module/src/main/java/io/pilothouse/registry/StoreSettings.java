package io.pilothouse.registry;

import io.pilothouse.store.jpa.SqlDialect;
import io.pilothouse.store.jpa.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store's configuration as the control plane reads it: the SQL dialect of the configured
 * database and how many revisions of each object the history keeps.
 */
@ApplicationScoped
public class StoreSettings {

  private SqlDialect dialect;
  private StoreConfig config;

  StoreSettings() {}

  @Inject
  StoreSettings(
      @ConfigProperty(name = "pilothouse.database.url") String databaseUrl,
      @ConfigProperty(name = "pilothouse.history.revisions", defaultValue = "20") int history) {
    this.dialect = SqlDialect.forJdbcUrl(databaseUrl);
    this.config = StoreConfig.DEFAULT.withHistoryDepth(history);
  }

  public SqlDialect dialect() {
    return dialect;
  }

  public StoreConfig config() {
    return config;
  }
}
