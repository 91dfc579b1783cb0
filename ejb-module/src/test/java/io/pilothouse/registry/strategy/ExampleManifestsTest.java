package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the 116 manifests from the Kubernetes documentation in {@code shared/k8s-examples} and
 * requires every document to pass its kind's defaults and validation without a single error, as
 * kube-apiserver accepts them.
 */
class ExampleManifestsTest {

  @Test
  void everyDocumentationManifestIsAccepted() throws IOException {
    Path folder = examplesFolder();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<String> problems = new ArrayList<>();
    int documents = 0;
    for (Path file : files) {
      for (ObjectNode document : documents(file)) {
        documents++;
        List<String> errors = Manifests.describe(Manifests.createErrors(document));
        if (!errors.isEmpty()) {
          problems.add(folder.relativize(file) + ": " + errors);
        }
      }
    }
    assertThat(files).hasSize(116);
    assertThat(documents).isEqualTo(124);
    assertThat(problems).isEmpty();
  }

  static List<ObjectNode> documents(Path file) throws IOException {
    List<ObjectNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        Manifests.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node instanceof ObjectNode object && !object.isEmpty()) {
          documents.add(object);
        }
      }
    }
    return documents;
  }

  /**
   * The repository's copy, {@code testdata/k8s-examples}, found from the module or the repository
   * root (or, outside a clone, the team's {@code shared/k8s-examples}).
   */
  static Path examplesFolder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (String name : List.of("testdata/k8s-examples", "shared/k8s-examples")) {
        Path candidate = dir.resolve(name);
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "testdata/k8s-examples not found above " + Path.of("").toAbsolutePath());
  }
}
