package io.pilothouse.bootstrap;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.registry.WriteOptions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the namespaces every Kubernetes cluster has, as kube-apiserver's system namespaces
 * controller does: {@code default}, {@code kube-system}, {@code kube-public} and {@code
 * kube-node-lease} (where kubelets renew their Leases).
 */
@Singleton
@Startup
@DependsOn({"StoreInitializer", "WatchCacheFeeder"})
public class SystemNamespaces {

  static final List<String> NAMES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");

  @Inject private ObjectRegistry registry;
  @Inject private ResourceTypes types;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void ensure() {
    ResourceType namespaces = types.find("", "v1", "namespaces").orElseThrow();
    for (String name : NAMES) {
      if (registry.find(namespaces, null, name).isEmpty()) {
        ObjectNode namespace = KubernetesJson.mapper().createObjectNode();
        namespace.putObject("metadata").put("name", name);
        registry.create(namespaces, null, namespace, WriteOptions.DEFAULT);
      }
    }
  }
}
