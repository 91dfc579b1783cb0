package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.ExampleManifests;
import io.pilothouse.it.support.ExampleManifests.Example;
import io.pilothouse.it.support.Kubectl;
import io.pilothouse.it.support.Kubectl.Result;
import io.pilothouse.it.support.SharedControlPlane;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every example manifest of the Kubernetes documentation in {@code testdata/k8s-examples} (116
 * files, listed in its {@code INDEX.tsv}) is accepted by the real {@code kubectl}: {@code apply
 * --dry-run=server} (which must persist nothing), then {@code apply}, then a second {@code apply}
 * of the unchanged file, each into a fresh namespace {@code ex-<n>} per file. Files that name their
 * namespace are applied there (kubectl refuses a different {@code -n}); Namespace manifests are
 * cluster-scoped and applied without one. One dynamic test per file, named by its path.
 */
@ExtendWith(SharedControlPlane.class)
class ExampleManifestsIT {

  private static final int EXPECTED_FILES = 116;

  private final Kubectl kubectl;
  private final ExampleManifests examples = ExampleManifests.locate();
  private final Set<String> namespaces = new HashSet<>();

  ExampleManifestsIT(ControlPlane api) {
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    this.kubectl = Kubectl.forServer(api.root(), build.resolve("examples-it/kubeconfig"));
  }

  @Test
  void indexListsEveryManifestOfTheFolder() {
    List<Example> indexed = examples.indexed();
    assertThat(indexed).hasSize(EXPECTED_FILES);
    assertThat(indexed.stream().map(Example::path)).doesNotHaveDuplicates();
    assertThat(examples.manifestFiles())
        .containsExactlyInAnyOrderElementsOf(indexed.stream().map(Example::path).toList());
  }

  @TestFactory
  Stream<DynamicTest> everyExampleIsAcceptedByKubectlApply() {
    return examples.indexed().stream()
        .map(example -> DynamicTest.dynamicTest(example.path(), () -> accept(example)));
  }

  /** Checks one file; a failure names it (Maven's report shows dynamic tests by number). */
  private void accept(Example example) {
    try {
      check(example);
    } catch (AssertionError e) {
      throw new AssertionError(example.path() + ": " + e.getMessage(), e);
    }
  }

  private void check(Example example) {
    List<String> target = target(example);
    String file = examples.file(example).toString();

    Result dryRun = kubectl(target, "apply", "--dry-run=server", "-f", file);
    assertThat(dryRun.stdout()).contains("(server dry run)");
    Result afterDryRun = kubectl(target, "get", "-f", file, "--ignore-not-found", "-o", "name");
    assertThat(afterDryRun.stdout()).as("what the dry run left behind").isEmpty();

    Result applied = kubectl(target, "apply", "-f", file);
    assertThat(applied.stdout().lines())
        .hasSize(example.documents())
        .allMatch(line -> line.endsWith(" created"));
    kubectl(target, "apply", "-f", file);
    Result read = kubectl(target, "get", "-f", file, "-o", "name");
    assertThat(read.stdout().lines()).hasSize(example.documents());
  }

  /** Runs {@code kubectl args... [-n NS]} and requires exit code 0. */
  private Result kubectl(List<String> target, String... args) {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(target);
    Result result = kubectl.run(command.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }

  /** {@code -n NS} for the file: its own namespace if it names one, else a fresh {@code ex-<n>}. */
  private List<String> target(Example example) {
    if (example.clusterScoped()) {
      return List.of();
    }
    String namespace =
        example.declaredNamespace() != null
            ? example.declaredNamespace()
            : "ex-" + example.number();
    if (namespaces.add(namespace)) {
      String manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n";
      Result created = kubectl.pipe(manifest, "apply", "-f", "-");
      assertThat(created.exitCode()).as(created.toString()).isZero();
    }
    return List.of("-n", namespace);
  }
}
