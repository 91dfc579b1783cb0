package io.pilothouse.scheduler.framework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one registry of plugins: NAME → factory, as upstream's {@code runtime.Registry}. A {@link
 * Profile} picks plugins from it by name; out-of-tree plugins are registered here too.
 */
public final class Registry {

  private final Map<String, PluginFactory> factories = new LinkedHashMap<>();

  /** Registers a factory; a name can be registered only once. */
  public Registry register(String name, PluginFactory factory) {
    if (factories.putIfAbsent(name, factory) != null) {
      throw new IllegalArgumentException("plugin " + name + " is already registered");
    }
    return this;
  }

  /** The factory of that plugin, or null. */
  public PluginFactory get(String name) {
    return factories.get(name);
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(factories.keySet());
  }
}
