package io.pilothouse.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.node.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedRuntimeTest {

  MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  SimulatedRuntime runtime =
      new SimulatedRuntime(
          new PodIpAllocator("127.128.0.0/24"), clock, timers, Duration.ofMillis(500));

  @AfterEach
  void tearDown() {
    timers.shutdownNow();
  }

  private String start(Map<String, String> annotations, String name, String kind) {
    PodSandboxStatus pod =
        runtime.runPodSandbox(
            new PodSandboxConfig(
                "uid-" + name, "default", name, null, annotations, Path.of("/tmp")));
    Map<String, String> a = new java.util.HashMap<>(annotations);
    a.put(SimulatedRuntime.CONTAINER_KIND, kind);
    String id =
        runtime.createContainer(
            pod.id(),
            new ContainerConfig(
                name,
                0,
                "busybox",
                null,
                List.of(),
                null,
                null,
                null,
                Path.of("/tmp/x"),
                0,
                null,
                a));
    runtime.startContainer(id);
    return id;
  }

  private ContainerStatus status(String id) {
    return runtime.containerStatus(id).orElseThrow();
  }

  @Test
  void containersStartAfterTheDelayAndExitWithTheAnnotatedCode() {
    String id =
        start(
            Map.of(SimulatedRuntime.RUN_SECONDS, "30", SimulatedRuntime.EXIT_CODE, "4"),
            "job",
            "regular");
    assertThat(status(id).state()).isEqualTo(ContainerState.CREATED);
    clock.advance(Duration.ofMillis(500));
    assertThat(status(id).state()).isEqualTo(ContainerState.RUNNING);
    assertThat(status(id).startedAt()).isEqualTo(clock.instant());
    clock.advanceSeconds(29);
    assertThat(status(id).state()).isEqualTo(ContainerState.RUNNING);
    clock.advanceSeconds(1);
    assertThat(status(id).state()).isEqualTo(ContainerState.EXITED);
    assertThat(status(id).exitCode()).isEqualTo(4);
    assertThat(status(id).reason()).isEqualTo("Error");
    assertThat(status(id).externalId()).startsWith("simulated://");
  }

  @Test
  void perContainerAnnotationsWinAndInitContainersCompleteAtOnce() {
    Map<String, String> a =
        Map.of(SimulatedRuntime.START_SECONDS, "2", SimulatedRuntime.START_SECONDS + ".fast", "0");
    String fast = start(a, "fast", "regular");
    String slow = start(a, "slow", "regular");
    String init = start(Map.of(), "setup", "init");
    assertThat(status(fast).state()).isEqualTo(ContainerState.RUNNING);
    assertThat(status(slow).state()).isEqualTo(ContainerState.CREATED);
    clock.advance(Duration.ofMillis(500));
    assertThat(status(init).state()).isEqualTo(ContainerState.EXITED);
    assertThat(status(init).reason()).isEqualTo("Completed");
    clock.advanceSeconds(2);
    assertThat(status(slow).state()).isEqualTo(ContainerState.RUNNING);
    assertThat(status(slow).finishedAt()).isNull();
  }

  @Test
  void stoppingEndsARunningContainerAndTheRuntimeWakesTheKubelet() throws Exception {
    java.util.concurrent.CountDownLatch woke = new java.util.concurrent.CountDownLatch(1);
    runtime.setEventListener(uid -> woke.countDown());
    String id = start(Map.of(), "svc", "regular");
    assertThat(woke.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    clock.advanceSeconds(1);
    runtime.stopContainer(id, Duration.ofSeconds(30));
    assertThat(status(id).state()).isEqualTo(ContainerState.EXITED);
    assertThat(status(id).exitCode()).isEqualTo(143);
  }
}
