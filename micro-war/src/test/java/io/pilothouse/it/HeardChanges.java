package io.pilothouse.it;

import io.pilothouse.changefeed.ChangeAnnounced;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only listener deployed with {@link ChangeFeedIT}: records the changes the JMS consumer
 * announced, and whether each object could already be read when its message arrived.
 */
@ApplicationScoped
public class HeardChanges {

  private final Map<String, Boolean> visible = new ConcurrentHashMap<>();

  @Inject ObjectRegistry registry;
  @Inject ResourceTypes types;

  void onAnnounced(@Observes ChangeAnnounced announced) {
    var change = announced.change();
    if (!change.resource().equals("configmaps")) {
      return;
    }
    boolean readable;
    try {
      registry.get(
          types.find("", "v1", "configmaps").orElseThrow(), change.namespace(), change.name());
      readable = true;
    } catch (RuntimeException e) {
      readable = false;
    }
    visible.put(change.name(), readable);
  }

  boolean heard(String name) {
    return visible.containsKey(name);
  }

  boolean visibleWhenHeard(String name) {
    return visible.getOrDefault(name, false);
  }
}
