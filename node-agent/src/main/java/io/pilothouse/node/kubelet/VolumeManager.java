package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Materialises a pod's volumes as directories under the pod's directory ({@code
 * <root>/pods/<uid>/volumes/<name>}): emptyDir, configMap, secret, downwardAPI and projected as
 * files (with items, defaultMode and mode), hostPath as the host directory itself, and a
 * persistentVolumeClaim as a directory per claim that outlives the pod. Written once when the pod
 * starts.
 */
public final class VolumeManager {

  private static final int DEFAULT_MODE = 0644;

  private final ConfigSource configs;
  private final Path claimsDir;
  private final Map<String, Quantity> allocatable;

  public VolumeManager(ConfigSource configs, Path rootDir, Map<String, Quantity> allocatable) {
    this.configs = configs;
    this.claimsDir = rootDir.resolve("claims");
    this.allocatable = allocatable;
  }

  /** Creates every volume of the pod and returns the host directory of each, by volume name. */
  public Map<String, Path> setUp(Pod pod, Path podDir, String podIp, String hostIp)
      throws VolumeException {
    Map<String, Path> dirs = new LinkedHashMap<>();
    List<Volume> volumes = pod.getSpec().getVolumes();
    if (volumes == null) {
      return dirs;
    }
    for (Volume volume : volumes) {
      try {
        dirs.put(
            volume.getName(),
            setUp(pod, volume, podDir.resolve("volumes").resolve(volume.getName()), podIp, hostIp));
      } catch (IOException e) {
        throw new VolumeException(volume.getName(), e.getMessage());
      }
    }
    return dirs;
  }

  private Path setUp(Pod pod, Volume v, Path dir, String podIp, String hostIp)
      throws IOException, VolumeException {
    String ns = pod.getMetadata().getNamespace();
    if (v.getHostPath() != null) {
      Path host = Path.of(v.getHostPath().getPath());
      if (!Files.exists(host) && "DirectoryOrCreate".equals(v.getHostPath().getType())) {
        Files.createDirectories(host);
      }
      return host;
    }
    if (v.getPersistentVolumeClaim() != null) {
      Path claim = claimsDir.resolve(ns).resolve(v.getPersistentVolumeClaim().getClaimName());
      Files.createDirectories(claim);
      return claim;
    }
    Files.createDirectories(dir);
    if (v.getConfigMap() != null) {
      var cm = v.getConfigMap();
      writeConfigMap(
          v.getName(),
          ns,
          cm.getName(),
          cm.getItems(),
          cm.getOptional(),
          mode(cm.getDefaultMode()),
          dir);
    } else if (v.getSecret() != null) {
      var s = v.getSecret();
      writeSecret(
          v.getName(),
          ns,
          s.getSecretName(),
          s.getItems(),
          s.getOptional(),
          mode(s.getDefaultMode()),
          dir);
    } else if (v.getDownwardAPI() != null) {
      writeDownward(
          pod,
          v.getDownwardAPI().getItems(),
          mode(v.getDownwardAPI().getDefaultMode()),
          dir,
          podIp,
          hostIp);
    } else if (v.getProjected() != null) {
      int mode = mode(v.getProjected().getDefaultMode());
      for (VolumeProjection p : v.getProjected().getSources()) {
        writeProjection(pod, v.getName(), p, mode, dir, podIp, hostIp);
      }
    }
    return dir;
  }

  private void writeProjection(
      Pod pod, String volume, VolumeProjection p, int mode, Path dir, String podIp, String hostIp)
      throws IOException, VolumeException {
    String ns = pod.getMetadata().getNamespace();
    if (p.getConfigMap() != null) {
      writeConfigMap(
          volume,
          ns,
          p.getConfigMap().getName(),
          p.getConfigMap().getItems(),
          p.getConfigMap().getOptional(),
          mode,
          dir);
    }
    if (p.getSecret() != null) {
      writeSecret(
          volume,
          ns,
          p.getSecret().getName(),
          p.getSecret().getItems(),
          p.getSecret().getOptional(),
          mode,
          dir);
    }
    if (p.getDownwardAPI() != null) {
      writeDownward(pod, p.getDownwardAPI().getItems(), mode, dir, podIp, hostIp);
    }
    if (p.getServiceAccountToken() != null) {
      write(dir.resolve(p.getServiceAccountToken().getPath()), new byte[0], mode);
    }
  }

  private void writeConfigMap(
      String volume,
      String ns,
      String name,
      List<KeyToPath> items,
      Boolean optional,
      int mode,
      Path dir)
      throws IOException, VolumeException {
    Optional<ConfigMap> cm = configs.configMap(ns, name);
    if (cm.isEmpty()) {
      if (Boolean.TRUE.equals(optional)) {
        return;
      }
      throw new VolumeException(volume, "configmap \"" + name + "\" not found");
    }
    Map<String, byte[]> data = new LinkedHashMap<>();
    if (cm.get().getData() != null) {
      cm.get().getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (cm.get().getBinaryData() != null) {
      cm.get().getBinaryData().forEach((k, v) -> data.put(k, Base64.getMimeDecoder().decode(v)));
    }
    writeKeys(volume, "configmap", ns + "/" + name, data, items, optional, mode, dir);
  }

  private void writeSecret(
      String volume,
      String ns,
      String name,
      List<KeyToPath> items,
      Boolean optional,
      int mode,
      Path dir)
      throws IOException, VolumeException {
    Optional<Secret> secret = configs.secret(ns, name);
    if (secret.isEmpty()) {
      if (Boolean.TRUE.equals(optional)) {
        return;
      }
      throw new VolumeException(volume, "secret \"" + name + "\" not found");
    }
    writeKeys(
        volume,
        "secret",
        ns + "/" + name,
        EnvResolver.secretData(secret.get()),
        items,
        optional,
        mode,
        dir);
  }

  private void writeKeys(
      String volume,
      String kind,
      String source,
      Map<String, byte[]> data,
      List<KeyToPath> items,
      Boolean optional,
      int mode,
      Path dir)
      throws IOException, VolumeException {
    if (items == null || items.isEmpty()) {
      for (var e : data.entrySet()) {
        write(dir.resolve(e.getKey()), e.getValue(), mode);
      }
      return;
    }
    for (KeyToPath item : items) {
      byte[] value = data.get(item.getKey());
      if (value == null) {
        if (Boolean.TRUE.equals(optional)) {
          continue;
        }
        throw new VolumeException(
            volume,
            "configmap".equals(kind)
                ? "configmap references non-existent config key: " + item.getKey()
                : "references non-existent secret key: " + item.getKey());
      }
      write(dir.resolve(item.getPath()), value, item.getMode() == null ? mode : item.getMode());
    }
  }

  private void writeDownward(
      Pod pod, List<DownwardAPIVolumeFile> items, int mode, Path dir, String podIp, String hostIp)
      throws IOException {
    if (items == null) {
      return;
    }
    for (DownwardAPIVolumeFile item : items) {
      String value = "";
      if (item.getFieldRef() != null) {
        String v = PodFields.field(pod, item.getFieldRef().getFieldPath(), podIp, hostIp);
        value = v == null ? "" : v;
      } else if (item.getResourceFieldRef() != null) {
        String container = item.getResourceFieldRef().getContainerName();
        value = PodFields.resource(pod, container, item.getResourceFieldRef(), allocatable);
      }
      write(
          dir.resolve(item.getPath()),
          value.getBytes(StandardCharsets.UTF_8),
          item.getMode() == null ? mode : item.getMode());
    }
  }

  private static void write(Path file, byte[] value, int mode) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, value);
    Files.setPosixFilePermissions(file, permissions(mode));
  }

  private static int mode(Integer mode) {
    return mode == null ? DEFAULT_MODE : mode;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        out.add(order[bit]);
      }
    }
    return out;
  }
}
