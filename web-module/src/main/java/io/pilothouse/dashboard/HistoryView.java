package io.pilothouse.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives the history panel of the node and pod detail pages the object's retained revisions. */
@Named
@RequestScoped
public class HistoryView {

  @Inject private ObjectHistory history;

  private final Map<String, List<HistoryEntry>> cache = new HashMap<>();

  public List<HistoryEntry> of(String group, String resource, String namespace, String name) {
    String key = group + "/" + resource + "/" + namespace + "/" + name;
    return cache.computeIfAbsent(
        key, k -> history.revisions(group, resource, namespace == null ? "" : namespace, name));
  }
}
