package io.pilothouse.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged default database URL ({@code pilothouse.database.url} in {@code
 * META-INF/microprofile-config.properties}) opens an H2 file database with the settings the store
 * relies on: no re-use of query results, and H2's page cache at 16 MiB (docs/performance.md, "Write
 * latency and H2's page cache").
 */
class DefaultDatabaseUrlTest {

  @TempDir Path data;

  @Test
  void theDefaultUrlOpensH2WithTheStoresSettings() throws Exception {
    Properties defaults = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    String url =
        defaults
            .getProperty("pilothouse.database.url")
            .replace("${pilothouse.data}", data.toString());

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet settings =
            statement.executeQuery(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'CACHE_SIZE'")) {
      assertThat(settings.next()).isTrue();
      assertThat(settings.getString(2)).isEqualTo("16384");
    }
  }
}
