package io.pilothouse.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The corpus of the Kubernetes documentation's example manifests kept in the repository as {@code
 * testdata/k8s-examples} (with its README naming sources and licence, and {@code INDEX.tsv} listing
 * each file and the kinds of its documents). Found through the system property {@code
 * pilothouse.examples.dir} (set by the micro-war POM), else by searching upward from the working
 * directory for {@code testdata/k8s-examples} or {@code shared/k8s-examples}; a missing corpus is
 * an error, never a skip.
 */
public final class ExampleManifests {

  private static final String PROPERTY = "pilothouse.examples.dir";
  private static final List<String> CANDIDATES =
      List.of("testdata/k8s-examples", "shared/k8s-examples");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final Path root;

  private ExampleManifests(Path root) {
    this.root = root;
  }

  /** One manifest file as {@code INDEX.tsv} lists it. */
  public record Example(int number, String path, List<String> kinds, String declaredNamespace) {

    /** How many objects the file holds. */
    public int documents() {
      return kinds.size();
    }

    /** Whether every object of the file is cluster-scoped (only Namespaces, in this corpus). */
    public boolean clusterScoped() {
      return kinds.stream().allMatch("Namespace"::equals);
    }
  }

  /** Finds the corpus, or fails saying where it looked. */
  public static ExampleManifests locate() {
    List<Path> tried = new ArrayList<>();
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).toAbsolutePath().normalize();
      if (isCorpus(dir)) {
        return new ExampleManifests(dir);
      }
      tried.add(dir);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (String candidate : CANDIDATES) {
        Path corpus = dir.resolve(candidate);
        if (isCorpus(corpus)) {
          return new ExampleManifests(corpus);
        }
      }
    }
    tried.add(Path.of("").toAbsolutePath());
    throw new IllegalStateException(
        "the example manifests (a folder with INDEX.tsv) were not found: not at -D"
            + PROPERTY
            + " "
            + tried
            + ", nor as "
            + CANDIDATES
            + " in the working directory or above it");
  }

  private static boolean isCorpus(Path dir) {
    return Files.isRegularFile(dir.resolve("INDEX.tsv"));
  }

  /** The files {@code INDEX.tsv} lists, numbered from 1 in its order. */
  public List<Example> indexed() {
    try {
      List<String> lines = Files.readAllLines(root.resolve("INDEX.tsv"));
      List<Example> examples = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] columns = line.split("\t");
        List<String> kinds = List.of(columns[1].split(",\\s*"));
        String path = columns[0];
        examples.add(new Example(examples.size() + 1, path, kinds, namespaceOf(file(path))));
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every manifest (.yaml, .yml, .json) in the folder, as paths relative to it. */
  public List<String> manifestFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(name -> name.matches(".*\\.(ya?ml|json)$"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The absolute path of an example. */
  public Path file(Example example) {
    return file(example.path());
  }

  private Path file(String path) {
    return root.resolve(path);
  }

  /** The {@code metadata.namespace} the file's documents name, or null. */
  private static String namespaceOf(Path file) throws IOException {
    try (MappingIterator<JsonNode> documents =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (documents.hasNext()) {
        JsonNode namespace = documents.next().path("metadata").path("namespace");
        if (namespace.isString() && !namespace.asString().isEmpty()) {
          return namespace.asString();
        }
      }
      return null;
    }
  }
}
