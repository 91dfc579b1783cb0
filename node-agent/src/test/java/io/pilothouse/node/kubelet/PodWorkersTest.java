package io.pilothouse.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.node.runtime.PodSandboxStatus;
import io.pilothouse.node.testing.FakeApi;
import io.pilothouse.node.testing.FakeRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod workers' scheduling on real threads: pod events in, status and deletion out. */
class PodWorkersTest {

  @TempDir Path root;
  FakeRuntime runtime = new FakeRuntime(Clock.systemUTC());
  FakeApi api = new FakeApi();
  ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    timers.shutdownNow();
    pool.shutdownNow();
  }

  private PodWorkers workers() {
    PodWorkerContext ctx =
        PodWorkerContext.of(
            runtime,
            api,
            Clock.systemUTC(),
            (p, t, d) -> ProbeResult.passed(),
            new EnvResolver(api, Map.of()),
            new VolumeManager(api, root, Map.of()),
            "127.0.0.1",
            root,
            pool);
    return new PodWorkers(ctx, timers, pool);
  }

  @Test
  void runsAPodAndFinishesItsDeletion() {
    PodWorkers workers = workers();
    Pod pod = PodWorkerTest.pod("Always").build();
    workers.upsert(pod);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !api.statuses.isEmpty() && "Running".equals(api.last().getPhase()));
    assertThat(workers.find("default", "web")).isPresent();
    workers.upsert(
        new PodBuilder(pod)
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(1L)
            .endMetadata()
            .build());
    await().atMost(Duration.ofSeconds(5)).until(() -> api.deleted.contains("web"));
    await().atMost(Duration.ofSeconds(5)).until(() -> workers.size() == 0);
  }

  @Test
  void removesSandboxesOfPodsNoLongerBoundHere() {
    PodWorkers workers = workers();
    PodSandboxStatus stale =
        runtime.runPodSandbox(
            new io.pilothouse.node.runtime.PodSandboxConfig(
                "old-uid", "default", "old", null, Map.of(), root));
    runtime.runPodSandbox(
        new io.pilothouse.node.runtime.PodSandboxConfig(
            "live-uid", "default", "live", null, Map.of(), root));
    workers.removeOrphanSandboxes(Set.of("live-uid"));
    assertThat(runtime.listPodSandboxes())
        .extracting(PodSandboxStatus::uid)
        .containsExactly("live-uid");
    assertThat(stale.uid()).isEqualTo("old-uid");
  }
}
