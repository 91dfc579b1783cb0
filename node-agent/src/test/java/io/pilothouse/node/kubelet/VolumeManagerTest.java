package io.pilothouse.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pilothouse.node.testing.FakeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeManagerTest {

  @TempDir Path root;
  FakeApi api = new FakeApi();

  @Test
  void writesConfigMapSecretDownwardAndProjectedVolumesAsFiles() throws Exception {
    api.put(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("cfg")
            .withNamespace("ns")
            .endMetadata()
            .addToData("app.conf", "x=1")
            .addToData("other", "o")
            .build());
    api.put(
        new SecretBuilder()
            .withNewMetadata()
            .withName("tls")
            .withNamespace("ns")
            .endMetadata()
            .addToData("key", Base64.getEncoder().encodeToString("KEY".getBytes()))
            .build());
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .withNamespace("ns")
            .withUid("u")
            .addToLabels("a", "b")
            .endMetadata()
            .withNewSpec()
            .addNewVolume()
            .withName("config")
            .withNewConfigMap()
            .withName("cfg")
            .addNewItem()
            .withKey("app.conf")
            .withPath("conf/app.conf")
            .endItem()
            .endConfigMap()
            .endVolume()
            .addNewVolume()
            .withName("secret")
            .withNewSecret()
            .withSecretName("tls")
            .withDefaultMode(0400)
            .endSecret()
            .endVolume()
            .addNewVolume()
            .withName("info")
            .withNewDownwardAPI()
            .addNewItem()
            .withPath("labels")
            .withNewFieldRef()
            .withFieldPath("metadata.labels")
            .endFieldRef()
            .endItem()
            .endDownwardAPI()
            .endVolume()
            .addNewVolume()
            .withName("all")
            .withNewProjected()
            .addNewSource()
            .withNewConfigMap()
            .withName("cfg")
            .endConfigMap()
            .endSource()
            .addNewSource()
            .withNewSecret()
            .withName("tls")
            .endSecret()
            .endSource()
            .endProjected()
            .endVolume()
            .addNewVolume()
            .withName("scratch")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec()
            .build();
    Map<String, Path> dirs =
        new VolumeManager(api, root, Map.of())
            .setUp(pod, root.resolve("pods/u"), "127.200.0.2", "127.0.0.1");
    assertThat(Files.readString(dirs.get("config").resolve("conf/app.conf"))).isEqualTo("x=1");
    assertThat(dirs.get("config").resolve("other")).doesNotExist();
    assertThat(Files.readString(dirs.get("secret").resolve("key"))).isEqualTo("KEY");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dirs.get("secret").resolve("key"))))
        .isEqualTo("r--------");
    assertThat(Files.readString(dirs.get("info").resolve("labels"))).isEqualTo("a=\"b\"");
    assertThat(dirs.get("all").resolve("other")).exists();
    assertThat(dirs.get("all").resolve("key")).exists();
    assertThat(dirs.get("scratch")).isDirectory();
  }

  @Test
  void aMissingConfigMapFailsTheMountUnlessOptional() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .withNamespace("ns")
            .withUid("u")
            .endMetadata()
            .withNewSpec()
            .addNewVolume()
            .withName("config")
            .withNewConfigMap()
            .withName("gone")
            .endConfigMap()
            .endVolume()
            .endSpec()
            .build();
    assertThatThrownBy(
            () ->
                new VolumeManager(api, root, Map.of())
                    .setUp(pod, root.resolve("pods/u"), null, null))
        .isInstanceOf(VolumeException.class)
        .hasMessage(
            "MountVolume.SetUp failed for volume \"config\" : configmap \"gone\" not found");
  }
}
