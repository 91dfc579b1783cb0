package io.pilothouse.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCatalogTest {

  @Test
  void matchesImagesWithOrWithoutRegistryTagAndLibraryPrefix() {
    ImageCatalog catalog = ImageCatalog.defaults();
    assertThat(catalog.lookup("busybox"))
        .get()
        .extracting(ImageCatalog.Entry::cmd)
        .isEqualTo(List.of("sh"));
    assertThat(catalog.lookup("busybox:1.36")).isPresent();
    assertThat(catalog.lookup("docker.io/library/busybox:latest")).isPresent();
    assertThat(catalog.lookup("python:3.12-slim"))
        .get()
        .extracting(ImageCatalog.Entry::entrypoint)
        .isEqualTo(List.of("python3"));
    assertThat(catalog.lookup("registry.k8s.io/e2e-test-images/agnhost:2.39"))
        .get()
        .extracting(ImageCatalog.Entry::defaultPort)
        .isEqualTo(8080);
    assertThat(catalog.lookup("hashicorp/http-echo@sha256:abc")).isPresent();
    assertThat(catalog.lookup("registry.k8s.io/pause:3.9"))
        .get()
        .extracting(ImageCatalog.Entry::entrypoint)
        .isEqualTo(List.of("sleep", "infinity"));
    assertThat(catalog.lookup("example.com/team/unknown:1")).isEmpty();
  }

  @Test
  void combinesEntrypointAndCmdWithCommandAndArgsAsAContainerRuntimeDoes() {
    ImageCatalog.Entry python = ImageCatalog.defaults().lookup("python").orElseThrow();
    assertThat(ProcessCommands.argv(config(null, List.of()), python)).containsExactly("python3");
    assertThat(ProcessCommands.argv(config(null, List.of("-c", "print(1)")), python))
        .containsExactly("python3", "-c", "print(1)");
    assertThat(ProcessCommands.argv(config(List.of("sleep"), List.of("5")), python))
        .containsExactly("sleep", "5");
  }

  private static ContainerConfig config(List<String> command, List<String> args) {
    return new ContainerConfig(
        "c", 0, "python", command, args, null, null, null, Path.of("/tmp/x.log"), 0, null, null);
  }

  @Test
  void loadsAUserCatalogAndRejectsAMalformedOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(
        file,
        "images:\n  - names: [my/app, app]\n    entrypoint: [/usr/bin/env]\n    cmd: [true]\n    env: {MODE: test}\n    defaultPort: 9000\n");
    ImageCatalog catalog = ImageCatalog.load(file);
    ImageCatalog.Entry app = catalog.lookup("registry.example.com/my/app:2").orElseThrow();
    assertThat(app.env()).containsEntry("MODE", "test");
    assertThat(app.defaultPort()).isEqualTo(9000);
    Files.writeString(file, "images: {not: a list}\n");
    assertThatThrownBy(() -> ImageCatalog.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no 'images:' list");
    Files.writeString(file, "images:\n  - entrypoint: [x]\n");
    assertThatThrownBy(() -> ImageCatalog.load(file))
        .hasMessageContaining("entry 1 has no 'names'");
  }
}
