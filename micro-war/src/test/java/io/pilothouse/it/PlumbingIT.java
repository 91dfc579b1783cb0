package io.pilothouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pilothouse.compaction.CompactionTimer;
import io.pilothouse.compaction.H2FileCompaction;
import io.pilothouse.compaction.H2FileStats;
import io.pilothouse.infrastructure.ResourceNames;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.registry.WriteOptions;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime plumbing inside the deployed application (Arquillian, in-container): JPA writes read
 * back in a new transaction, a write's JMS message reaching the message-driven consumer only after
 * its transaction committed, nothing sent for a rolled-back write, the EJB compaction timer firing,
 * and the H2 file compaction reaching the engine under the server's connection pool.
 */
@ExtendWith(ArquillianExtension.class)
class PlumbingIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.pilothouseWar()
        .addClasses(PlumbingIT.class, HeardChanges.class, Deployments.class, Poll.class);
  }

  @Inject ObjectRegistry registry;
  @Inject ResourceTypes types;
  @Inject HeardChanges heard;
  @Inject CompactionTimer compaction;
  @Inject H2FileCompaction fileCompaction;
  @Resource UserTransaction transaction;

  @Resource(lookup = ResourceNames.DATASOURCE)
  DataSource dataSource;

  private ResourceType configMaps() {
    return types.find("", "v1", "configmaps").orElseThrow();
  }

  private void create(String name, String value) {
    ObjectNode object = KubernetesJson.mapper().createObjectNode();
    object.putObject("metadata").put("name", name);
    object.putObject("data").put("key", value);
    registry.create(configMaps(), "default", object, WriteOptions.DEFAULT);
  }

  /**
   * The server's connection pool loads H2 from Payara Micro's runtime, which bundles its own; the
   * build puts the project's H2 there, so the pool runs the version the application packages.
   */
  @Test
  void theStoreRunsOnTheH2TheApplicationPackages() throws Exception {
    String packaged =
        org.h2.engine.Constants.VERSION_MAJOR
            + "."
            + org.h2.engine.Constants.VERSION_MINOR
            + "."
            + org.h2.engine.Constants.BUILD_ID;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SELECT H2VERSION()")) {
      assertTrue(version.next());
      assertEquals(packaged, version.getString(1));
    }
  }

  @Test
  void jpaWriteIsReadBackInANewTransaction() throws Exception {
    transaction.begin();
    create("persisted", "value");
    transaction.commit();

    ObjectNode read = registry.get(configMaps(), "default", "persisted");
    assertEquals("value", read.path("data").path("key").asString());
    assertFalse(read.path("metadata").path("resourceVersion").asString().isEmpty());
  }

  @Test
  void committedWriteReachesTheConsumerAfterCommit() throws Exception {
    transaction.begin();
    create("announced-after-commit", "x");
    transaction.commit();

    assertTrue(
        Poll.until(Duration.ofSeconds(20), () -> heard.heard("announced-after-commit")),
        "the committed write was never announced");
    assertTrue(
        heard.visibleWhenHeard("announced-after-commit"),
        "the message arrived before the write was visible");
  }

  @Test
  void rolledBackWriteSendsNothing() throws Exception {
    transaction.begin();
    create("rolled-back", "x");
    transaction.rollback();
    transaction.begin();
    create("committed-after-rollback", "x");
    transaction.commit();

    assertTrue(
        Poll.until(Duration.ofSeconds(20), () -> heard.heard("committed-after-rollback")),
        "the committed write was never announced");
    assertFalse(heard.heard("rolled-back"), "a rolled-back write was announced");
    assertTrue(registry.find(configMaps(), "default", "rolled-back").isEmpty());
  }

  @Test
  void compactionTimerFiresRepeatedly() {
    long before = compaction.runs();
    assertTrue(
        Poll.until(Duration.ofSeconds(20), () -> compaction.runs() >= before + 2),
        "the compaction timer did not fire twice in 20 s");
  }

  @Test
  void h2FileCompactionReachesTheEngineBehindThePool() {
    H2FileStats stats = fileCompaction.runNow();

    assertNotNull(stats, "the file compaction could not reach H2's store (see the server log)");
    assertTrue(stats.fileBytes() > 0, stats.toString());
    assertTrue(stats.chunksFillRate() > 0 && stats.chunksFillRate() <= 100, stats.toString());
    assertTrue(stats.fileFillRate() > 0 && stats.fileFillRate() <= 100, stats.toString());
  }
}
