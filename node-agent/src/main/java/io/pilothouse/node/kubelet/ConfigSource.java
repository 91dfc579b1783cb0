package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/** Where the kubelet reads the ConfigMaps and Secrets a pod's env and volumes refer to. */
public interface ConfigSource {

  Optional<ConfigMap> configMap(String namespace, String name);

  Optional<Secret> secret(String namespace, String name);
}
