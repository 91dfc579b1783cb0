package io.pilothouse.scheduler.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Data shared by the plugins during one scheduling cycle of one pod: what a PreFilter or PreScore
 * computed once for all nodes (counts per topology domain, parsed preferences) is written here and
 * read by the Filter or Score of the same plugin. It also remembers which plugins asked to be
 * skipped. A cycle state belongs to one cycle on one thread and is discarded afterwards.
 */
public final class CycleState {

  private final Map<String, Object> data = new HashMap<>();
  private final Set<String> skipFilterPlugins = new HashSet<>();
  private final Set<String> skipScorePlugins = new HashSet<>();

  /** Stores a value under a key, by convention the plugin's name plus the extension point. */
  public void write(String key, Object value) {
    data.put(key, value);
  }

  /** The value under a key if it has the given type, else null. */
  public <T> T read(String key, Class<T> type) {
    Object value = data.get(key);
    return type.isInstance(value) ? type.cast(value) : null;
  }

  /** Plugins whose PreFilter returned SKIP: their Filter is not called in this cycle. */
  public Set<String> skipFilterPlugins() {
    return skipFilterPlugins;
  }

  /** Plugins whose PreScore returned SKIP: their Score is not called in this cycle. */
  public Set<String> skipScorePlugins() {
    return skipScorePlugins;
  }
}
