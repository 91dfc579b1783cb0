package io.pilothouse.it;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a fabric8 informer told its handler, for tests: {@code add NAME}, {@code update NAME=KEY}
 * (only for a new resourceVersion, with the ConfigMap's {@code data.key}) and {@code delete NAME}
 * in order, and how many full lists it made (the first one, then one per relist after a 410).
 */
final class InformerEvents implements ResourceEventHandler<ConfigMap> {

  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final AtomicInteger lists = new AtomicInteger();

  /** The adds, updates and deletes, in order. */
  List<String> heard() {
    return heard;
  }

  /** How many lists the informer made. */
  int lists() {
    return lists.get();
  }

  @Override
  public void onList(String resourceVersion, boolean initial) {
    lists.incrementAndGet();
  }

  @Override
  public void onAdd(ConfigMap c) {
    heard.add("add " + c.getMetadata().getName());
  }

  @Override
  public void onUpdate(ConfigMap old, ConfigMap c) {
    if (!old.getMetadata().getResourceVersion().equals(c.getMetadata().getResourceVersion())) {
      heard.add("update " + c.getMetadata().getName() + "=" + c.getData().get("key"));
    }
  }

  @Override
  public void onDelete(ConfigMap c, boolean finalStateUnknown) {
    heard.add("delete " + c.getMetadata().getName());
  }
}
