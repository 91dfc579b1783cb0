package io.pilothouse.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.registry.WriteOptions;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/**
 * The change feed inside the deployed application: a write's JMS message reaches the message-driven
 * consumer only after the writing transaction committed, and a rolled-back write sends nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ChangeFeedIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.pilothouseWar()
        .addClasses(ChangeFeedIT.class, HeardChanges.class, Deployments.class, Poll.class);
  }

  @Inject ObjectRegistry registry;
  @Inject ResourceTypes types;
  @Inject HeardChanges heard;
  @Resource UserTransaction transaction;

  private ResourceType configMaps() {
    return types.find("", "v1", "configmaps").orElseThrow();
  }

  private void create(String name) {
    ObjectNode object = KubernetesJson.mapper().createObjectNode();
    object.putObject("metadata").put("name", name);
    registry.create(configMaps(), "default", object, WriteOptions.DEFAULT);
  }

  @Test
  void committedWriteReachesTheConsumerAfterCommit() throws Exception {
    transaction.begin();
    create("announced-after-commit");
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
    create("rolled-back");
    transaction.rollback();
    transaction.begin();
    create("committed-after-rollback");
    transaction.commit();

    assertTrue(
        Poll.until(Duration.ofSeconds(20), () -> heard.heard("committed-after-rollback")),
        "the committed write was never announced");
    assertFalse(heard.heard("rolled-back"), "a rolled-back write was announced");
  }
}
