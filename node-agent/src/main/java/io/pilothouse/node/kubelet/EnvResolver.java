package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a container's environment as upstream's kubelet does: {@code envFrom} sources first (with
 * their prefix), then {@code env} entries in order, each value {@code $(VAR)}-expanded against the
 * variables defined before it. A missing ConfigMap, Secret or key that is not {@code optional}
 * fails with upstream's {@code CreateContainerConfigError} message.
 */
public final class EnvResolver {

  private final ConfigSource configs;
  private final Map<String, Quantity> allocatable;

  public EnvResolver(ConfigSource configs, Map<String, Quantity> allocatable) {
    this.configs = configs;
    this.allocatable = allocatable;
  }

  public Map<String, String> resolve(Pod pod, Container container, String podIp, String hostIp)
      throws CreateContainerConfigException {
    String ns = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    if (container.getEnvFrom() != null) {
      for (EnvFromSource source : container.getEnvFrom()) {
        addEnvFrom(ns, source, env);
      }
    }
    if (container.getEnv() != null) {
      for (EnvVar var : container.getEnv()) {
        String value = value(pod, container, var, podIp, hostIp, env);
        if (value != null) {
          env.put(var.getName(), value);
        }
      }
    }
    return env;
  }

  private void addEnvFrom(String ns, EnvFromSource source, Map<String, String> env)
      throws CreateContainerConfigException {
    String prefix = source.getPrefix() == null ? "" : source.getPrefix();
    if (source.getConfigMapRef() != null) {
      var ref = source.getConfigMapRef();
      Optional<ConfigMap> cm = configs.configMap(ns, ref.getName());
      if (cm.isEmpty()) {
        if (Boolean.TRUE.equals(ref.getOptional())) {
          return;
        }
        throw new CreateContainerConfigException("configmap \"" + ref.getName() + "\" not found");
      }
      if (cm.get().getData() != null) {
        cm.get().getData().forEach((k, v) -> putValid(env, prefix + k, v));
      }
    }
    if (source.getSecretRef() != null) {
      var ref = source.getSecretRef();
      Optional<Secret> secret = configs.secret(ns, ref.getName());
      if (secret.isEmpty()) {
        if (Boolean.TRUE.equals(ref.getOptional())) {
          return;
        }
        throw new CreateContainerConfigException("secret \"" + ref.getName() + "\" not found");
      }
      secretData(secret.get())
          .forEach((k, v) -> putValid(env, prefix + k, new String(v, StandardCharsets.UTF_8)));
    }
  }

  private static void putValid(Map<String, String> env, String key, String value) {
    if (!key.isEmpty() && key.indexOf('=') < 0) {
      env.put(key, value);
    }
  }

  private String value(
      Pod pod,
      Container container,
      EnvVar var,
      String podIp,
      String hostIp,
      Map<String, String> defined)
      throws CreateContainerConfigException {
    EnvVarSource from = var.getValueFrom();
    if (from == null) {
      return VarExpansion.expand(var.getValue() == null ? "" : var.getValue(), defined::get);
    }
    if (from.getConfigMapKeyRef() != null) {
      return configMapKey(pod.getMetadata().getNamespace(), from.getConfigMapKeyRef());
    }
    if (from.getSecretKeyRef() != null) {
      return secretKey(pod.getMetadata().getNamespace(), from.getSecretKeyRef());
    }
    if (from.getFieldRef() != null) {
      String path = from.getFieldRef().getFieldPath();
      String value = PodFields.field(pod, path, podIp, hostIp);
      if (value == null) {
        throw new CreateContainerConfigException("unsupported fieldPath: " + path);
      }
      return value;
    }
    if (from.getResourceFieldRef() != null) {
      return PodFields.resource(pod, container.getName(), from.getResourceFieldRef(), allocatable);
    }
    return "";
  }

  private String configMapKey(String ns, ConfigMapKeySelector ref)
      throws CreateContainerConfigException {
    boolean optional = Boolean.TRUE.equals(ref.getOptional());
    Optional<ConfigMap> cm = configs.configMap(ns, ref.getName());
    if (cm.isEmpty()) {
      if (optional) {
        return null;
      }
      throw new CreateContainerConfigException("configmap \"" + ref.getName() + "\" not found");
    }
    Map<String, String> data = cm.get().getData();
    if (data != null && data.containsKey(ref.getKey())) {
      return data.get(ref.getKey());
    }
    Map<String, String> binary = cm.get().getBinaryData();
    if (binary != null && binary.containsKey(ref.getKey())) {
      return new String(
          Base64.getDecoder().decode(binary.get(ref.getKey())), StandardCharsets.UTF_8);
    }
    if (optional) {
      return null;
    }
    throw new CreateContainerConfigException(
        "couldn't find key " + ref.getKey() + " in ConfigMap " + ns + "/" + ref.getName());
  }

  private String secretKey(String ns, SecretKeySelector ref) throws CreateContainerConfigException {
    boolean optional = Boolean.TRUE.equals(ref.getOptional());
    Optional<Secret> secret = configs.secret(ns, ref.getName());
    if (secret.isEmpty()) {
      if (optional) {
        return null;
      }
      throw new CreateContainerConfigException("secret \"" + ref.getName() + "\" not found");
    }
    byte[] value = secretData(secret.get()).get(ref.getKey());
    if (value != null) {
      return new String(value, StandardCharsets.UTF_8);
    }
    if (optional) {
      return null;
    }
    throw new CreateContainerConfigException(
        "couldn't find key " + ref.getKey() + " in Secret " + ns + "/" + ref.getName());
  }

  /** A Secret's data decoded; {@code stringData} too, for servers that do not fold it in. */
  static Map<String, byte[]> secretData(Secret secret) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach((k, v) -> out.put(k, Base64.getMimeDecoder().decode(v == null ? "" : v)));
    }
    if (secret.getStringData() != null) {
      secret
          .getStringData()
          .forEach((k, v) -> out.put(k, (v == null ? "" : v).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }
}
