package io.pilothouse.dashboard;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.printing.PrintedColumns;
import io.pilothouse.store.ObjectRevision;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An object's history as the store retains it ({@code ph_history}: the last N revisions of every
 * object, apart from the compacted watch window): each revision with its time and a YAML diff
 * against the revision before it, newest first. etcd compacts this away; Pilothouse keeps it.
 */
@Stateless
public class ObjectHistory {

  private static final int MAX = 50;

  @Inject private ObjectQueries objects;

  public List<HistoryEntry> revisions(
      String group, String resource, String namespace, String name) {
    List<ObjectRevision> newestFirst =
        objects.history(objects.type(group, resource), namespace, name, MAX);
    Instant now = Instant.now();
    List<HistoryEntry> entries = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      ObjectRevision revision = newestFirst.get(i);
      String before = i + 1 < newestFirst.size() ? yaml(newestFirst.get(i + 1).body()) : "";
      String after = revision.type().name().equals("DELETED") ? "" : yaml(revision.body());
      Instant at = revision.writtenAt();
      entries.add(
          new HistoryEntry(
              revision.revision(),
              revision.type().name(),
              at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString(),
              at == null ? "" : PrintedColumns.since(at, now),
              LineDiff.diff(before, after)));
    }
    return entries;
  }

  private static String yaml(String json) {
    return Yaml.write(KubernetesJson.mapper().readTree(json));
  }
}
