package io.pilothouse.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real host processes: logs, process groups, SIGTERM then SIGKILL, no orphans, pod IPs. */
class ProcessRuntimeTest {

  @TempDir Path root;
  ProcessRuntime runtime;

  ProcessRuntime runtime(Isolation isolation) {
    runtime =
        new ProcessRuntime(
            root,
            ImageCatalog.defaults(),
            new PodIpAllocator("127.241.0.0/24"),
            isolation,
            MemoryCgroups.disabled("test"),
            Clock.systemUTC());
    return runtime;
  }

  @AfterEach
  void tearDown() {
    if (runtime != null) {
      runtime.shutdown(Duration.ZERO);
    }
  }

  private PodSandboxStatus sandbox(String name) {
    return runtime.runPodSandbox(
        new PodSandboxConfig(
            UUID.randomUUID().toString(), "default", name, null, Map.of(), root.resolve("logs")));
  }

  private ContainerConfig container(
      String name,
      String image,
      List<String> command,
      Map<String, String> env,
      List<Integer> ports) {
    return new ContainerConfig(
        name,
        0,
        image,
        command,
        List.of(),
        env,
        null,
        List.of(),
        root.resolve("logs").resolve(name).resolve("0.log"),
        0,
        ports,
        Map.of());
  }

  private ContainerStatus status(String id) {
    return runtime.containerStatus(id).orElseThrow();
  }

  @Test
  void runsACommandInItsOwnProcessGroupAndLogsItsOutput() throws Exception {
    runtime(Isolation.detect());
    PodSandboxStatus pod = sandbox("echo");
    String id =
        runtime.createContainer(
            pod.id(),
            container(
                "main",
                "busybox",
                List.of("sh", "-c", "echo hi; echo oops >&2; sleep 30"),
                Map.of(),
                List.of()));
    runtime.startContainer(id);
    ContainerStatus running = status(id);
    assertThat(running.state()).isEqualTo(ContainerState.RUNNING);
    long pid = Long.parseLong(running.externalId().substring("process://".length()));
    assertThat(ProcessHandle.of(pid)).isPresent();
    await().atMost(Duration.ofSeconds(2)).until(() -> ProcessGroups.processGroupOf(pid) == pid);
    Path log = runtime.logPath(id);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Files.exists(log) && Files.readString(log).contains("oops"));
    List<String> lines = Files.readAllLines(log);
    assertThat(lines)
        .anyMatch(
            l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z stdout F hi"));
    assertThat(lines).anyMatch(l -> l.endsWith(" stderr F oops"));

    runtime.stopContainer(id, Duration.ofSeconds(5));
    assertThat(status(id).state()).isEqualTo(ContainerState.EXITED);
    assertThat(status(id).exitCode()).isEqualTo(143);
    assertThat(ProcessGroups.processesWithEnv(ProcessRuntime.ENV_CONTAINER_ID, id)).isEmpty();
  }

  @Test
  void aGroupThatIgnoresSigtermIsKilledAfterTheTimeoutLeavingNoOrphans() {
    for (Isolation isolation : List.of(Isolation.processGroups("test"), Isolation.detect())) {
      runtime(isolation);
      PodSandboxStatus pod = sandbox("stubborn");
      String script = "trap '' TERM; sleep 60 & sleep 60 & echo started; wait";
      String id =
          runtime.createContainer(
              pod.id(),
              container("main", "busybox", List.of("sh", "-c", script), Map.of(), List.of()));
      runtime.startContainer(id);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Files.readString(runtime.logPath(id)).contains("started"));
      assertThat(ProcessGroups.processesWithEnv(ProcessRuntime.ENV_CONTAINER_ID, id))
          .hasSizeGreaterThanOrEqualTo(3);
      long begin = System.nanoTime();
      runtime.stopContainer(id, Duration.ofSeconds(1));
      long tookMillis = (System.nanoTime() - begin) / 1_000_000;
      assertThat(tookMillis).as(isolation.description()).isGreaterThanOrEqualTo(1000);
      assertThat(status(id).exitCode()).isEqualTo(137);
      assertThat(ProcessGroups.processesWithEnv(ProcessRuntime.ENV_CONTAINER_ID, id)).isEmpty();
      runtime.shutdown(Duration.ZERO);
    }
  }

  @Test
  void theContainerExitingOnItsOwnIsReportedWithItsExitCode() {
    runtime(Isolation.detect());
    PodSandboxStatus pod = sandbox("job");
    String id =
        runtime.createContainer(
            pod.id(),
            container("main", "busybox", List.of("sh", "-c", "exit 3"), Map.of(), List.of()));
    java.util.concurrent.atomic.AtomicReference<String> changed =
        new java.util.concurrent.atomic.AtomicReference<>();
    runtime.setEventListener(changed::set);
    runtime.startContainer(id);
    await().atMost(Duration.ofSeconds(5)).until(() -> status(id).exited());
    assertThat(status(id).exitCode()).isEqualTo(3);
    assertThat(status(id).reason()).isEqualTo("Error");
    assertThat(changed.get()).isEqualTo(pod.uid());
  }

  @Test
  void aPodBindsItsOwnLoopbackIpWithAnImageFromTheCatalog() throws Exception {
    runtime(Isolation.detect());
    PodSandboxStatus pod = sandbox("nginx");
    assertThat(pod.ip()).startsWith("127.241.0.");
    String id =
        runtime.createContainer(
            pod.id(),
            container("web", "docker.io/library/nginx:1.27", null, Map.of(), List.of(8080)));
    runtime.startContainer(id);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + pod.ip() + ":8080/"))
            .timeout(Duration.ofSeconds(2))
            .build();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
        .contains("Welcome to nginx!");
    assertThat(status(id).imageRef()).startsWith("catalog://nginx");
    runtime.stopContainer(id, Duration.ofSeconds(5));
    assertThat(status(id).exitCode()).isEqualTo(143);
  }

  @Test
  void aMissingExecutableIsAStartErrorAndAnUnknownImageAPullError() {
    runtime(Isolation.detect());
    PodSandboxStatus pod = sandbox("broken");
    String id =
        runtime.createContainer(
            pod.id(),
            container("main", "busybox", List.of("no-such-program"), Map.of(), List.of()));
    runtime.startContainer(id);
    assertThat(status(id).reason()).isEqualTo("StartError");
    assertThat(status(id).exitCode()).isEqualTo(128);
    assertThat(status(id).message())
        .isEqualTo("exec: \"no-such-program\": executable file not found in $PATH");
    assertThatThrownBy(() -> runtime.pullImage("example.com/unknown:1"))
        .isInstanceOf(ImagePullException.class)
        .hasMessageContaining("example.com/unknown:1");
  }

  @Test
  void volumesAreBindMountedAtTheirMountPathInTheContainersNamespace() throws Exception {
    Isolation isolation = Isolation.detect();
    Assumptions.assumeTrue(isolation.namespaces(), "needs PID and mount namespaces");
    runtime(isolation);
    Path volume = Files.createDirectories(root.resolve("volume"));
    Files.writeString(volume.resolve("greeting"), "from a volume");
    Path mountPoint = root.resolve("not-yet/config");
    PodSandboxStatus pod = sandbox("mounts");
    ContainerConfig config =
        new ContainerConfig(
            "main",
            0,
            "busybox",
            List.of(
                "sh",
                "-c",
                "cat "
                    + mountPoint
                    + "/greeting; touch "
                    + mountPoint
                    + "/x 2>/dev/null || echo read-only"),
            List.of(),
            Map.of(),
            null,
            List.of(new Mount("config", volume, mountPoint.toString(), true)),
            root.resolve("logs/main/0.log"),
            0,
            List.of(),
            Map.of());
    String id = runtime.createContainer(pod.id(), config);
    runtime.startContainer(id);
    await().atMost(Duration.ofSeconds(5)).until(() -> status(id).exited());
    String log = Files.readString(runtime.logPath(id));
    assertThat(log).contains("from a volume").contains("read-only");
    assertThat(Files.exists(mountPoint.resolve("greeting"))).isFalse();
    runtime.removeContainer(id);
    assertThat(Files.exists(root.resolve("not-yet"))).isFalse();
  }

  @Test
  void aMemoryLimitIsEnforcedWhereCgroupsAreWritable() {
    MemoryCgroups cgroups = MemoryCgroups.detect("memtest-" + ProcessHandle.current().pid());
    Assumptions.assumeTrue(cgroups.enabled(), "memory cgroups not writable here");
    runtime =
        new ProcessRuntime(
            root,
            ImageCatalog.defaults(),
            new PodIpAllocator("127.241.1.0/24"),
            Isolation.detect(),
            cgroups,
            Clock.systemUTC());
    PodSandboxStatus pod = sandbox("hungry");
    ContainerConfig config =
        new ContainerConfig(
            "main",
            0,
            "python",
            List.of("python3", "-c", "x = bytearray(300 * 1024 * 1024); print('survived')"),
            List.of(),
            Map.of(),
            null,
            List.of(),
            root.resolve("logs/main/0.log"),
            64L * 1024 * 1024,
            List.of(),
            Map.of());
    String id = runtime.createContainer(pod.id(), config);
    runtime.startContainer(id);
    await().atMost(Duration.ofSeconds(10)).until(() -> status(id).exited());
    assertThat(status(id).reason()).isEqualTo("OOMKilled");
    assertThat(status(id).exitCode()).isEqualTo(137);
  }

  @Test
  void execRunsInTheContainersEnvironmentAndMountNamespace() throws Exception {
    Isolation isolation = Isolation.detect();
    runtime(isolation);
    Path volume = Files.createDirectories(root.resolve("probe-volume"));
    Files.writeString(volume.resolve("healthy"), "yes");
    Path mountPoint = root.resolve("probe-mount");
    PodSandboxStatus pod = sandbox("probed");
    ContainerConfig config =
        new ContainerConfig(
            "main",
            0,
            "busybox",
            List.of("sleep", "30"),
            List.of(),
            Map.of("MODE", "probe", "PILOTHOUSE_VOLUME_DATA", volume.toString()),
            null,
            List.of(new Mount("data", volume, mountPoint.toString(), true)),
            root.resolve("logs/main/0.log"),
            0,
            List.of(),
            Map.of());
    String id = runtime.createContainer(pod.id(), config);
    runtime.startContainer(id);
    String file =
        isolation.namespaces()
            ? mountPoint.resolve("healthy").toString()
            : "$PILOTHOUSE_VOLUME_DATA/healthy";
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                runtime
                    .execSync(
                        id,
                        List.of("sh", "-c", "cat " + file + " && echo $MODE"),
                        Duration.ofSeconds(2))
                    .succeeded());
    ExecResult ok =
        runtime.execSync(
            id, List.of("sh", "-c", "cat " + file + " && echo $MODE"), Duration.ofSeconds(2));
    assertThat(ok.output()).contains("yes").contains("probe");
    ExecResult slow = runtime.execSync(id, List.of("sleep", "5"), Duration.ofMillis(300));
    assertThat(slow.timedOut()).isTrue();
    assertThat(runtime.execSync(id, List.of("false"), Duration.ofSeconds(2)).exitCode())
        .isEqualTo(1);
  }
}
