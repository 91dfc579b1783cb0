package io.pilothouse.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.pilothouse.node.testing.FakeApi;
import io.pilothouse.node.testing.FakeRuntime;
import io.pilothouse.node.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodWorkerTest {

  @TempDir Path root;
  MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  FakeRuntime runtime = new FakeRuntime(clock);
  FakeApi api = new FakeApi();
  FakeProber prober = new FakeProber();
  PodWorkerContext ctx;

  /** Probes pass unless a container is marked unhealthy; counts runs. */
  static final class FakeProber implements Prober {
    final Map<String, Boolean> healthy = new ConcurrentHashMap<>();
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public ProbeResult probe(Probe probe, Target target, Duration timeout) {
      runs.incrementAndGet();
      return healthy.getOrDefault(target.container().getName(), true)
          ? ProbeResult.passed()
          : ProbeResult.failed("HTTP probe failed with statuscode: 500");
    }
  }

  @BeforeEach
  void setUp() {
    ctx =
        PodWorkerContext.of(
            runtime,
            api,
            clock,
            prober,
            new EnvResolver(api, Map.of()),
            new VolumeManager(api, root, Map.of()),
            "127.0.0.1",
            root,
            Runnable::run);
  }

  static PodBuilder pod(String policy) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .withUid("uid-1")
        .endMetadata()
        .withNewSpec()
        .withNodeName("n1")
        .withRestartPolicy(policy)
        .addToContainers(new ContainerBuilder().withName("app").withImage("busybox").build())
        .endSpec();
  }

  private PodStatus status() {
    return api.last();
  }

  private static ContainerStatus container(PodStatus s, String name) {
    return s.getContainerStatuses().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ContainerStatus init(PodStatus s, String name) {
    return s.getInitContainerStatuses().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String condition(PodStatus s, String type) {
    return s.getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .map(PodCondition::getStatus)
        .findFirst()
        .orElse(null);
  }

  @Test
  void runsInitContainersInOrderThenTheContainers() {
    Pod pod =
        pod("Always")
            .editSpec()
            .addToInitContainers(
                new ContainerBuilder().withName("first").withImage("busybox").build())
            .addToInitContainers(
                new ContainerBuilder().withName("second").withImage("busybox").build())
            .endSpec()
            .build();
    PodWorker w = new PodWorker(pod, ctx);

    w.sync();
    assertThat(runtime.calls)
        .contains("start first-0")
        .doesNotContain("start second-0", "start app-0");
    assertThat(status().getPhase()).isEqualTo("Pending");
    assertThat(condition(status(), "Initialized")).isEqualTo("False");
    assertThat(container(status(), "app").getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");

    runtime.exit("first", 0);
    w.sync();
    assertThat(runtime.calls).contains("start second-0").doesNotContain("start app-0");

    runtime.exit("second", 0);
    w.sync();
    assertThat(runtime.calls).contains("start app-0");
    PodStatus s = status();
    assertThat(s.getPhase()).isEqualTo("Running");
    assertThat(condition(s, "Initialized")).isEqualTo("True");
    assertThat(condition(s, "ContainersReady")).isEqualTo("True");
    assertThat(condition(s, "Ready")).isEqualTo("True");
    assertThat(condition(s, "PodScheduled")).isEqualTo("True");
    assertThat(init(s, "first").getState().getTerminated().getReason()).isEqualTo("Completed");
    ContainerStatus app = container(s, "app");
    assertThat(app.getState().getRunning().getStartedAt()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(app.getReady()).isTrue();
    assertThat(app.getStarted()).isTrue();
    assertThat(app.getContainerID()).isEqualTo("fake://app-0");
    assertThat(app.getImageID()).isEqualTo("fake://busybox");
    assertThat(s.getPodIP()).startsWith("127.240.0.");
    assertThat(s.getPodIPs()).hasSize(1);
    assertThat(s.getHostIP()).isEqualTo("127.0.0.1");
    assertThat(s.getStartTime()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void aFailedInitContainerFailsAPodThatNeverRestarts() {
    Pod pod =
        pod("Never")
            .editSpec()
            .addToInitContainers(
                new ContainerBuilder().withName("setup").withImage("busybox").build())
            .endSpec()
            .build();
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    runtime.exit("setup", 3);
    assertThat(w.sync()).isNull();
    assertThat(status().getPhase()).isEqualTo("Failed");
    assertThat(runtime.calls).doesNotContain("start app-0").contains("stopPodSandbox");
  }

  @Test
  void restartPolicyAlwaysBacksOffTenSecondsDoublingToFiveMinutes() {
    PodWorker w = new PodWorker(pod("Always").build(), ctx);
    w.sync();
    runtime.exit("app", 1);
    w.sync();
    assertThat(runtime.starts("app")).isEqualTo(2);
    assertThat(container(status(), "app").getRestartCount()).isEqualTo(1);

    long[] expected = {10, 20, 40, 80, 160, 300, 300};
    for (long delay : expected) {
      runtime.exit("app", 1);
      long before = runtime.starts("app");
      w.sync();
      ContainerStatus app = container(status(), "app");
      assertThat(app.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
      assertThat(app.getState().getWaiting().getMessage())
          .startsWith(
              "back-off " + delay + "s restarting failed container=app pod=web_default(uid-1)");
      assertThat(app.getLastState().getTerminated().getExitCode()).isEqualTo(1);
      assertThat(status().getPhase()).isEqualTo("Running");
      clock.advanceSeconds(delay - 1);
      w.sync();
      assertThat(runtime.starts("app")).isEqualTo(before);
      clock.advanceSeconds(1);
      w.sync();
      assertThat(runtime.starts("app")).isEqualTo(before + 1);
    }
  }

  @Test
  void backoffStartsOverAfterTenMinutesOfRunning() {
    PodWorker w = new PodWorker(pod("Always").build(), ctx);
    w.sync();
    for (int i = 0; i < 4; i++) {
      runtime.exit("app", 1);
      w.sync();
      clock.advanceSeconds(300);
      w.sync();
    }
    clock.advanceSeconds(600);
    runtime.exit("app", 1);
    long before = runtime.starts("app");
    w.sync();
    assertThat(runtime.starts("app")).isEqualTo(before + 1);
  }

  @Test
  void onFailureRestartsOnlyFailedContainersAndSucceedsOnZero() {
    PodWorker w = new PodWorker(pod("OnFailure").build(), ctx);
    w.sync();
    runtime.exit("app", 2);
    w.sync();
    assertThat(runtime.starts("app")).isEqualTo(2);
    runtime.exit("app", 0);
    assertThat(w.sync()).isNull();
    assertThat(status().getPhase()).isEqualTo("Succeeded");
    assertThat(container(status(), "app").getState().getTerminated().getReason())
        .isEqualTo("Completed");
    assertThat(condition(status(), "Ready")).isEqualTo("False");
  }

  @Test
  void neverLeavesAFailedContainerTerminatedAndFailsThePod() {
    PodWorker w = new PodWorker(pod("Never").build(), ctx);
    w.sync();
    runtime.exit("app", 1);
    w.sync();
    assertThat(runtime.starts("app")).isEqualTo(1);
    assertThat(status().getPhase()).isEqualTo("Failed");
    assertThat(container(status(), "app").getState().getTerminated().getExitCode()).isEqualTo(1);
  }

  @Test
  void livenessProbeKillsAfterFailureThresholdAndTheContainerRestarts() {
    Probe liveness =
        new ProbeBuilder()
            .withNewTcpSocket()
            .withNewPort(80)
            .endTcpSocket()
            .withInitialDelaySeconds(5)
            .withPeriodSeconds(10)
            .withFailureThreshold(3)
            .build();
    Pod pod =
        pod("Always")
            .editSpec()
            .editFirstContainer()
            .withLivenessProbe(liveness)
            .endContainer()
            .endSpec()
            .build();
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    prober.healthy.put("app", false);
    assertThat(w.sync()).isEqualTo(clock.instant().plusSeconds(5));
    clock.advanceSeconds(5);
    w.sync();
    clock.advanceSeconds(10);
    w.sync();
    assertThat(runtime.calls).noneMatch(c -> c.startsWith("stop app-0"));
    clock.advanceSeconds(10);
    w.sync();
    assertThat(runtime.calls).contains("stop app-0 30s");
    assertThat(api.events).anyMatch(e -> e.startsWith("Unhealthy: Liveness probe failed"));
    prober.healthy.put("app", true);
    w.sync();
    assertThat(runtime.starts("app")).isEqualTo(2);
    assertThat(container(status(), "app").getLastState().getTerminated().getExitCode())
        .isEqualTo(143);
  }

  @Test
  void readinessNeedsSuccessThresholdAndDropsAfterFailureThreshold() {
    Probe readiness =
        new ProbeBuilder()
            .withNewHttpGet()
            .withPath("/")
            .withNewPort(80)
            .endHttpGet()
            .withPeriodSeconds(5)
            .withSuccessThreshold(2)
            .withFailureThreshold(2)
            .build();
    Pod pod =
        pod("Always")
            .editSpec()
            .editFirstContainer()
            .withReadinessProbe(readiness)
            .endContainer()
            .endSpec()
            .build();
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    w.sync();
    assertThat(container(status(), "app").getReady()).isFalse();
    assertThat(condition(status(), "Ready")).isEqualTo("False");
    clock.advanceSeconds(5);
    w.sync();
    assertThat(container(status(), "app").getReady()).isTrue();
    assertThat(condition(status(), "Ready")).isEqualTo("True");
    prober.healthy.put("app", false);
    clock.advanceSeconds(5);
    w.sync();
    assertThat(container(status(), "app").getReady()).isTrue();
    clock.advanceSeconds(5);
    w.sync();
    assertThat(container(status(), "app").getReady()).isFalse();
    assertThat(status().getConditions())
        .anyMatch(
            c ->
                c.getType().equals("Ready")
                    && "containers with unready status: [app]".equals(c.getMessage()));
  }

  @Test
  void startupProbeHoldsBackLivenessUntilItPasses() {
    Probe startup =
        new ProbeBuilder()
            .withNewExec()
            .withCommand("true")
            .endExec()
            .withPeriodSeconds(1)
            .withFailureThreshold(30)
            .build();
    Probe liveness =
        new ProbeBuilder()
            .withNewExec()
            .withCommand("true")
            .endExec()
            .withPeriodSeconds(10)
            .build();
    Pod pod =
        pod("Always")
            .editSpec()
            .editFirstContainer()
            .withStartupProbe(startup)
            .withLivenessProbe(liveness)
            .endContainer()
            .endSpec()
            .build();
    prober.healthy.put("app", false);
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    for (int i = 0; i < 5; i++) {
      w.sync();
      clock.advanceSeconds(1);
    }
    assertThat(container(status(), "app").getStarted()).isFalse();
    assertThat(prober.runs.get()).isEqualTo(5);
    prober.healthy.put("app", true);
    w.sync();
    assertThat(container(status(), "app").getStarted()).isTrue();
    assertThat(container(status(), "app").getReady()).isTrue();
  }

  @Test
  void unknownImageWaitsInErrImagePullThenImagePullBackOff() {
    runtime.unknownImages.add("nope:1");
    Pod pod =
        pod("Always")
            .editSpec()
            .editFirstContainer()
            .withImage("nope:1")
            .endContainer()
            .endSpec()
            .build();
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    ContainerStatus app = container(status(), "app");
    assertThat(app.getState().getWaiting().getReason()).isEqualTo("ErrImagePull");
    assertThat(app.getState().getWaiting().getMessage()).contains("nope:1");
    w.sync();
    assertThat(container(status(), "app").getState().getWaiting().getReason())
        .isEqualTo("ImagePullBackOff");
    assertThat(status().getPhase()).isEqualTo("Pending");
    runtime.unknownImages.clear();
    clock.advanceSeconds(10);
    w.sync();
    assertThat(container(status(), "app").getState().getRunning()).isNotNull();
  }

  @Test
  void missingConfigMapKeyIsCreateContainerConfigErrorUntilItAppears() {
    Pod pod =
        pod("Always")
            .editSpec()
            .editFirstContainer()
            .addNewEnv()
            .withName("MODE")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("mode", "settings", false)
            .endValueFrom()
            .endEnv()
            .endContainer()
            .endSpec()
            .build();
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    ContainerStatus app = container(status(), "app");
    assertThat(app.getState().getWaiting().getReason()).isEqualTo("CreateContainerConfigError");
    assertThat(app.getState().getWaiting().getMessage())
        .isEqualTo("configmap \"settings\" not found");
    api.put(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("settings")
            .withNamespace("default")
            .endMetadata()
            .build());
    clock.advanceSeconds(5);
    w.sync();
    assertThat(container(status(), "app").getState().getWaiting().getMessage())
        .isEqualTo("couldn't find key mode in ConfigMap default/settings");
    api.put(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("settings")
            .withNamespace("default")
            .endMetadata()
            .addToData("mode", "fast")
            .build());
    clock.advanceSeconds(5);
    w.sync();
    assertThat(runtime.configs.get("app-0").env()).containsEntry("MODE", "fast");
  }

  @Test
  void gracefulDeletionStopsWithTheGracePeriodThenFinishesTheDeletion() {
    Pod pod = pod("Always").build();
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    Pod deleting =
        new PodBuilder(w.pod())
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:01Z")
            .withDeletionGracePeriodSeconds(5L)
            .endMetadata()
            .build();
    w.update(deleting);
    assertThat(w.sync()).isNull();
    assertThat(w.finished()).isTrue();
    assertThat(runtime.calls).contains("stop app-0 5s", "removePodSandbox");
    assertThat(api.deleted).containsExactly("web");
    assertThat(status().getPhase()).isEqualTo("Failed");
    assertThat(container(status(), "app").getState().getTerminated().getExitCode()).isEqualTo(143);
    assertThat(api.eventReasons()).contains("Killing");
  }

  @Test
  void envAndCommandAreExpandedAndVolumesAnnounced() {
    Pod pod =
        pod("Always")
            .editSpec()
            .addNewVolume()
            .withName("cache-dir")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .editFirstContainer()
            .withCommand("sh", "-c", "echo $(GREETING) $$(NOT)")
            .addNewEnv()
            .withName("NAME")
            .withValue("world")
            .endEnv()
            .addNewEnv()
            .withName("GREETING")
            .withValue("hello $(NAME)")
            .endEnv()
            .addNewEnv()
            .withName("MY_IP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.podIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewVolumeMount()
            .withName("cache-dir")
            .withMountPath("/cache")
            .endVolumeMount()
            .endContainer()
            .endSpec()
            .build();
    PodWorker w = new PodWorker(pod, ctx);
    w.sync();
    var config = runtime.configs.get("app-0");
    assertThat(config.command()).containsExactly("sh", "-c", "echo hello world $(NOT)");
    assertThat(config.env()).containsEntry("MY_IP", w.podIp());
    assertThat(config.env())
        .containsEntry(
            "PILOTHOUSE_VOLUME_CACHE_DIR", root.resolve("pods/uid-1/volumes/cache-dir").toString());
    assertThat(config.mounts())
        .singleElement()
        .satisfies(m -> assertThat(m.containerPath()).isEqualTo("/cache"));
    assertThat(config.logPath()).isEqualTo(root.resolve("logs/default_web_uid-1/app/0.log"));
  }
}
