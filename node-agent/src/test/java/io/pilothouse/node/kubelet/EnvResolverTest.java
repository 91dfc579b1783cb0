package io.pilothouse.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pilothouse.node.testing.FakeApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvResolverTest {

  FakeApi api = new FakeApi();
  EnvResolver resolver =
      new EnvResolver(api, Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi")));

  @BeforeEach
  void objects() {
    api.put(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("cfg")
            .withNamespace("prod")
            .endMetadata()
            .addToData("LEVEL", "debug")
            .addToData("bad=key", "x")
            .build());
    api.put(
        new SecretBuilder()
            .withNewMetadata()
            .withName("creds")
            .withNamespace("prod")
            .endMetadata()
            .addToData(
                "password",
                Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)))
            .build());
  }

  static Pod pod(Container c) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("api-1")
        .withNamespace("prod")
        .withUid("u-1")
        .addToLabels("app", "api")
        .addToLabels("tier", "back")
        .addToAnnotations("owner", "team-a")
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-a")
        .withServiceAccountName("runner")
        .addToContainers(c)
        .endSpec()
        .build();
  }

  @Test
  void resolvesValuesRefsFieldsAndResourcesInUpstreamOrder() throws Exception {
    Container c =
        new ContainerBuilder()
            .withName("main")
            .withImage("busybox")
            .addNewEnvFrom()
            .withPrefix("CFG_")
            .withNewConfigMapRef("cfg", false)
            .endEnvFrom()
            .addNewEnvFrom()
            .withNewSecretRef("creds", false)
            .endEnvFrom()
            .addNewEnv()
            .withName("URL")
            .withValue("http://$(CFG_LEVEL):$(MISSING)/$$(ESCAPED)")
            .endEnv()
            .addNewEnv()
            .withName("PASS")
            .withNewValueFrom()
            .withNewSecretKeyRef("password", "creds", false)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("POD")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("NS")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.namespace")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("APP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.labels['app']")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("LABELS")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.labels")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("NODE")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("spec.nodeName")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("SA")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("spec.serviceAccountName")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("IP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.podIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("HOST")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.hostIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("MEM_MI")
            .withNewValueFrom()
            .withNewResourceFieldRef()
            .withResource("limits.memory")
            .withDivisor(new Quantity("1Mi"))
            .endResourceFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("CPU")
            .withNewValueFrom()
            .withNewResourceFieldRef()
            .withResource("limits.cpu")
            .endResourceFieldRef()
            .endValueFrom()
            .endEnv()
            .withNewResources()
            .addToLimits("memory", new Quantity("64Mi"))
            .endResources()
            .build();
    Map<String, String> env = resolver.resolve(pod(c), c, "127.200.1.5", "127.0.0.1");
    assertThat(env)
        .containsEntry("CFG_LEVEL", "debug")
        .doesNotContainKey("CFG_bad=key")
        .containsEntry("password", "s3cret")
        .containsEntry("URL", "http://debug:$(MISSING)/$(ESCAPED)")
        .containsEntry("PASS", "s3cret")
        .containsEntry("POD", "api-1")
        .containsEntry("NS", "prod")
        .containsEntry("APP", "api")
        .containsEntry("LABELS", "app=\"api\"\ntier=\"back\"")
        .containsEntry("NODE", "node-a")
        .containsEntry("SA", "runner")
        .containsEntry("IP", "127.200.1.5")
        .containsEntry("HOST", "127.0.0.1")
        .containsEntry("MEM_MI", "64")
        .containsEntry("CPU", "4");
  }

  @Test
  void missingObjectsAndKeysGiveUpstreamMessagesUnlessOptional() {
    Container missingMap =
        new ContainerBuilder()
            .withName("m")
            .addNewEnvFrom()
            .withNewConfigMapRef("nope", false)
            .endEnvFrom()
            .build();
    assertThatThrownBy(() -> resolver.resolve(pod(missingMap), missingMap, null, null))
        .isInstanceOf(CreateContainerConfigException.class)
        .hasMessage("configmap \"nope\" not found");
    Container missingKey =
        new ContainerBuilder()
            .withName("m")
            .addNewEnv()
            .withName("X")
            .withNewValueFrom()
            .withNewSecretKeyRef("user", "creds", false)
            .endValueFrom()
            .endEnv()
            .build();
    assertThatThrownBy(() -> resolver.resolve(pod(missingKey), missingKey, null, null))
        .hasMessage("couldn't find key user in Secret prod/creds");
    Container missingSecret =
        new ContainerBuilder()
            .withName("m")
            .addNewEnv()
            .withName("X")
            .withNewValueFrom()
            .withNewSecretKeyRef("user", "gone", false)
            .endValueFrom()
            .endEnv()
            .build();
    assertThatThrownBy(() -> resolver.resolve(pod(missingSecret), missingSecret, null, null))
        .hasMessage("secret \"gone\" not found");
    Container optional =
        new ContainerBuilder()
            .withName("m")
            .addNewEnvFrom()
            .withNewSecretRef("gone", true)
            .endEnvFrom()
            .addNewEnv()
            .withName("X")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("nokey", "cfg", true)
            .endValueFrom()
            .endEnv()
            .build();
    assertThat(catchingResolve(optional)).doesNotContainKey("X");
  }

  private Map<String, String> catchingResolve(Container c) {
    try {
      return resolver.resolve(pod(c), c, null, null);
    } catch (CreateContainerConfigException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void expansionFollowsUpstreamRules() {
    Map<String, String> vars = Map.of("A", "1", "B", "two");
    assertThat(VarExpansion.expand("$(A)-$(B)-$(C)", vars::get)).isEqualTo("1-two-$(C)");
    assertThat(VarExpansion.expand("$$(A) $$ $x $(", vars::get)).isEqualTo("$(A) $ $x $(");
  }
}
