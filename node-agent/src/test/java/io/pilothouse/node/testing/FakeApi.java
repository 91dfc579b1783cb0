package io.pilothouse.node.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.pilothouse.node.kubelet.KubeletApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory API: ConfigMaps and Secrets by namespace/name, written statuses and events kept for
 * assertions.
 */
public final class FakeApi implements KubeletApi {

  public final Map<String, ConfigMap> configMaps = new ConcurrentHashMap<>();
  public final Map<String, Secret> secrets = new ConcurrentHashMap<>();
  public final List<PodStatus> statuses = new CopyOnWriteArrayList<>();
  public final List<String> events = new CopyOnWriteArrayList<>();
  public final List<String> deleted = new CopyOnWriteArrayList<>();

  public void put(ConfigMap cm) {
    configMaps.put(cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName(), cm);
  }

  public void put(Secret s) {
    secrets.put(s.getMetadata().getNamespace() + "/" + s.getMetadata().getName(), s);
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(configMaps.get(namespace + "/" + name));
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name));
  }

  @Override
  public Optional<Pod> updatePodStatus(Pod pod, PodStatus status) {
    statuses.add(status);
    return Optional.of(new PodBuilder(pod).withStatus(status).build());
  }

  @Override
  public boolean finishPodDeletion(Pod pod) {
    deleted.add(pod.getMetadata().getName());
    return true;
  }

  @Override
  public void event(HasMetadata involved, String type, String reason, String message) {
    events.add(reason + ": " + message);
  }

  public PodStatus last() {
    return statuses.get(statuses.size() - 1);
  }

  public List<String> eventReasons() {
    List<String> out = new ArrayList<>();
    events.forEach(e -> out.add(e.substring(0, e.indexOf(':'))));
    return out;
  }
}
