package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.Kubectl;
import io.pilothouse.it.support.NodeAgentProcess;
import io.pilothouse.it.support.SharedControlPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real node agents ({@code node-agent.jar}, process runtime) against the deployed control plane
 * with its scheduler and controllers: registration, Lease, pods as host processes with status, logs
 * through {@code pods/log} and kubectl, restarts and CrashLoopBackOff, env, readiness gating
 * Endpoints, graceful deletion, bad images, a Service's ClusterIP through kube-proxy, a killed
 * agent's node going NotReady with its Deployment's pod recreated on another node, and one agent
 * simulating 100 nodes. Most pods are bound by {@code spec.nodeName}. The agents register with
 * {@link TestNodes#PRIVATE}'s taint, so other tests' pods are never scheduled onto them. Every
 * agent the tests start is stopped by them (and its containers with it), and their Nodes deleted.
 */
@ExtendWith(SharedControlPlane.class)
class NodeAgentIT {

  private static final String NS = "node-agent-it";
  private static final String NODE_A = "it-node-a";
  private static final String NODE_B = "it-node-b";
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** Label every Node of this class's agents registers with, for clean-up. */
  private static final String AGENTS = "pilothouse.io/node-agent-it";

  private static NodeAgentProcess agentA;
  private static NodeAgentProcess agentB;
  private static KubernetesClient client;
  private static Kubectl kubectl;

  @BeforeAll
  static void startAgents(ControlPlane api) throws Exception {
    client = Fabric8Clients.connect(api.root());
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    kubectl = Kubectl.forServer(api.root(), build.resolve("node-agent-it/kubeconfig"));
    agentA = agent(api, NODE_A, "127.0.77.1", "127.202.1.0/24");
    agentB = agent(api, NODE_B, "127.0.77.2", "127.202.2.0/24");
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    await().atMost(WAIT).until(() -> ready(NODE_A) && ready(NODE_B));
  }

  /** An agent whose Node is tainted private to tests and labelled for clean-up. */
  private static NodeAgentProcess agent(
      ControlPlane api, String name, String ip, String cidr, String... flags) throws Exception {
    return labelledAgent(api, name, ip, cidr, "", flags);
  }

  /** As above, with more {@code --node-labels} ({@code k=v,...}, or empty). */
  private static NodeAgentProcess labelledAgent(
      ControlPlane api, String name, String ip, String cidr, String labels, String... flags)
      throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(flags));
    all.addAll(
        List.of(
            "--register-with-taints",
            TestNodes.PRIVATE + "=true:NoSchedule",
            "--node-labels",
            AGENTS + "=true" + (labels.isEmpty() ? "" : "," + labels)));
    return NodeAgentProcess.start(api.root(), name, ip, cidr, all.toArray(String[]::new));
  }

  @AfterAll
  static void stopAgents() throws Exception {
    for (NodeAgentProcess agent : new NodeAgentProcess[] {agentA, agentB}) {
      if (agent != null) {
        agent.close();
      }
    }
    if (client != null) {
      client.nodes().withLabel(AGENTS, "true").delete();
      client.namespaces().withName(NS).delete();
      client.close();
    }
  }

  private static boolean ready(String node) {
    Node n = client.nodes().withName(node).get();
    return n != null
        && n.getStatus() != null
        && n.getStatus().getConditions() != null
        && n.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  @Test
  void nodeRegistersReadyWithItsFieldsAndRenewsItsLease() {
    Node node = client.nodes().withName(NODE_A).get();
    assertThat(node.getMetadata().getLabels())
        .containsEntry("kubernetes.io/hostname", NODE_A)
        .containsEntry("kubernetes.io/os", "linux")
        .containsKey("kubernetes.io/arch");
    assertThat(node.getSpec().getPodCIDR()).isEqualTo("127.202.1.0/24");
    assertThat(node.getStatus().getCapacity()).containsKeys("cpu", "memory", "ephemeral-storage");
    assertThat(node.getStatus().getCapacity().get("pods").toString()).isEqualTo("110");
    assertThat(node.getStatus().getAllocatable()).containsKeys("cpu", "memory", "pods");
    assertThat(node.getStatus().getNodeInfo().getContainerRuntimeVersion())
        .startsWith("process://");
    assertThat(node.getStatus().getNodeInfo().getKubeletVersion()).startsWith("v1.32");
    assertThat(node.getStatus().getAddresses())
        .anyMatch(a -> a.getType().equals("InternalIP") && a.getAddress().equals("127.0.77.1"))
        .anyMatch(a -> a.getType().equals("Hostname"));
    assertThat(node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort()).isPositive();
    assertThat(node.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .contains("Ready=True", "MemoryPressure=False", "DiskPressure=False", "PIDPressure=False");

    String first = renewTime(NODE_A);
    await().atMost(Duration.ofSeconds(40)).until(() -> !renewTime(NODE_A).equals(first));
  }

  private static String renewTime(String node) {
    var lease = client.leases().inNamespace("kube-node-lease").withName(node).get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(node);
    return String.valueOf(lease.getSpec().getRenewTime());
  }

  @Test
  void podRunsAsARealProcessAndKubectlLogsShowsItsOutput() throws Exception {
    create(pod("counter", NODE_A, "i=0; while true; do echo line $i; i=$((i+1)); sleep 1; done"));
    Pod pod = awaitPhase("counter", "Running");
    ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
    assertThat(status.getContainerID()).startsWith("process://");
    long pid = Long.parseLong(status.getContainerID().substring("process://".length()));
    assertThat(ProcessHandle.of(pid)).isPresent();
    assertThat(pod.getStatus().getPodIP()).startsWith("127.202.1.");
    assertThat(pod.getStatus().getHostIP()).isEqualTo("127.0.77.1");
    assertThat(pod.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .contains("Ready=True", "ContainersReady=True", "Initialized=True", "PodScheduled=True");

    await()
        .atMost(WAIT)
        .until(() -> kubectl.run("logs", "-n", NS, "counter").stdout().contains("line 2"));
    Kubectl.Result tail = kubectl.run("logs", "-n", NS, "counter", "--tail=1");
    assertThat(tail.exitCode()).as(tail.toString()).isZero();
    assertThat(tail.stdout().strip().lines()).hasSize(1);

    try (Kubectl.Background follow = kubectl.background("logs", "-f", "-n", NS, "counter")) {
      await().atMost(WAIT).until(() -> follow.stdout().lines().count() >= 4);
      long seen = follow.stdout().lines().count();
      await().atMost(WAIT).until(() -> follow.stdout().lines().count() > seen + 1);
    }
  }

  @Test
  void logsOfAPodWithSeveralContainersNeedAContainerName(ControlPlane api) throws Exception {
    create(
        new PodBuilder()
            .withNewMetadata()
            .withName("two")
            .withNamespace(NS)
            .endMetadata()
            .withNewSpec()
            .withNodeName(NODE_B)
            .addNewContainer()
            .withName("a")
            .withImage("busybox")
            .withCommand("sh", "-c", "echo from-a; sleep 3600")
            .endContainer()
            .addNewContainer()
            .withName("b")
            .withImage("busybox")
            .withCommand("sh", "-c", "echo from-b; sleep 3600")
            .endContainer()
            .endSpec()
            .build());
    awaitPhase("two", "Running");
    HttpResponse<String> noName = api.get("/api/v1/namespaces/" + NS + "/pods/two/log");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body())
        .contains("a container name must be specified for pod two, choose one of: [a b]");
    await()
        .atMost(WAIT)
        .until(
            () ->
                api.get("/api/v1/namespaces/" + NS + "/pods/two/log?container=b")
                    .body()
                    .contains("from-b"));
    assertThat(api.get("/api/v1/namespaces/" + NS + "/pods/missing/log").statusCode())
        .isEqualTo(404);
  }

  @Test
  void failingContainersRestartPerPolicyWithCrashLoopBackOff() {
    create(pod("crasher", NODE_A, "echo dying; exit 3"));
    await()
        .atMost(WAIT)
        .until(
            () -> {
              ContainerStatus s = containerStatus("crasher");
              return s != null
                  && s.getRestartCount() >= 1
                  && s.getState().getWaiting() != null
                  && "CrashLoopBackOff".equals(s.getState().getWaiting().getReason());
            });
    assertThat(containerStatus("crasher").getLastState().getTerminated().getExitCode())
        .isEqualTo(3);

    Pod never = pod("once", NODE_B, "exit 4");
    never.getSpec().setRestartPolicy("Never");
    create(never);
    Pod failed = awaitPhase("once", "Failed");
    assertThat(failed.getStatus().getContainerStatuses().get(0).getRestartCount()).isZero();
    assertThat(
            failed
                .getStatus()
                .getContainerStatuses()
                .get(0)
                .getState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(4);
  }

  @Test
  void envComesFromConfigMapsAndSecrets() {
    client
        .configMaps()
        .inNamespace(NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .withData(Map.of("color", "blue"))
                .build())
        .create();
    client
        .secrets()
        .inNamespace(NS)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("creds")
                .endMetadata()
                .withStringData(Map.of("password", "s3cret"))
                .build())
        .create();
    Pod pod = pod("env", NODE_A, "echo color=$COLOR password=$PASSWORD; sleep 3600");
    var container = pod.getSpec().getContainers().get(0);
    container.setEnv(
        List.of(
            new io.fabric8.kubernetes.api.model.EnvVarBuilder()
                .withName("COLOR")
                .withNewValueFrom()
                .withNewConfigMapKeyRef("color", "settings", false)
                .endValueFrom()
                .build(),
            new io.fabric8.kubernetes.api.model.EnvVarBuilder()
                .withName("PASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef("password", "creds", false)
                .endValueFrom()
                .build()));
    create(pod);
    awaitPhase("env", "Running");
    await()
        .atMost(WAIT)
        .until(
            () ->
                kubectl
                    .run("logs", "-n", NS, "env")
                    .stdout()
                    .contains("color=blue password=s3cret"));

    Pod missing = pod("env-missing", NODE_A, "sleep 3600");
    missing
        .getSpec()
        .getContainers()
        .get(0)
        .setEnv(
            List.of(
                new io.fabric8.kubernetes.api.model.EnvVarBuilder()
                    .withName("X")
                    .withNewValueFrom()
                    .withNewConfigMapKeyRef("x", "absent", false)
                    .endValueFrom()
                    .build()));
    create(missing);
    await()
        .atMost(WAIT)
        .until(() -> waitingReason("env-missing").equals("CreateContainerConfigError"));
  }

  @Test
  void gracefulDeleteSendsSigtermThenSigkillAndTheKubeletRemovesThePod() throws Exception {
    // traps SIGTERM and ignores it: only the SIGKILL after the 3 s grace period ends it
    create(pod("stubborn", NODE_B, "trap 'echo got TERM' TERM; while true; do sleep 1; done"));
    Pod pod = awaitPhase("stubborn", "Running");
    long pid =
        Long.parseLong(
            pod.getStatus().getContainerStatuses().get(0).getContainerID().substring(10));
    Instant deleted = Instant.now();
    client.pods().inNamespace(NS).withName("stubborn").withGracePeriod(3).delete();
    await()
        .atMost(WAIT)
        .until(() -> client.pods().inNamespace(NS).withName("stubborn").get() == null);
    assertThat(Duration.between(deleted, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void anUnknownImageOrMissingCommandGivesAClearWaitingReason() {
    Pod unknown = pod("unknown-image", NODE_A, "true");
    unknown.getSpec().getContainers().get(0).setImage("example.org/no-such-image:1");
    unknown.getSpec().getContainers().get(0).setCommand(null);
    unknown.getSpec().getContainers().get(0).setArgs(null);
    create(unknown);
    await()
        .atMost(WAIT)
        .until(
            () ->
                List.of("ErrImagePull", "ImagePullBackOff")
                    .contains(waitingReason("unknown-image")));
    // the reason's detail is in the kubelet's Failed event (the back-off's message is upstream's
    // 'Back-off pulling image "…"')
    await()
        .atMost(WAIT)
        .until(
            () ->
                client.v1().events().inNamespace(NS).list().getItems().stream()
                    .anyMatch(
                        e ->
                            "unknown-image".equals(e.getInvolvedObject().getName())
                                && "Failed".equals(e.getReason())
                                && e.getMessage().contains("image catalog")));

    Pod noCommand = pod("no-command", NODE_A, "true");
    noCommand.getSpec().getContainers().get(0).setCommand(List.of("no-such-command-here"));
    noCommand.getSpec().getContainers().get(0).setArgs(null);
    create(noCommand);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              ContainerStatus s = containerStatus("no-command");
              String text = s == null ? "" : String.valueOf(s.getState()) + s.getLastState();
              return text.contains("executable file not found");
            });
  }

  @Test
  void aServiceClusterIpReachesAPodThroughKubeProxy(ControlPlane api) throws Exception {
    Pod web = pod("web", NODE_A, null);
    web.getMetadata().setLabels(Map.of("app", "web"));
    var container = web.getSpec().getContainers().get(0);
    container.setImage("hashicorp/http-echo");
    container.setCommand(null);
    container.setArgs(List.of("-text=hello-from-web", "-listen=:5678"));
    create(web);
    awaitPhase("web", "Running");

    Service service =
        client.services().inNamespace(NS).resource(service("web", "web", 5678)).create();
    String clusterIp = service.getSpec().getClusterIP();
    assertThat(clusterIp).startsWith("127.");
    long address = toNumber(clusterIp);
    assertThat(address).isBetween(toNumber("127.96.0.1"), toNumber("127.111.255.254"));

    // the endpoints controllers turn the ready pod into the slice kube-proxy follows
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                        HttpRequest.newBuilder(URI.create("http://" + clusterIp + ":80/"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("hello-from-web"));

    HttpResponse<String> taken =
        api.send(
            "POST",
            "/api/v1/namespaces/" + NS + "/services",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"same-ip\"},"
                + "\"spec\":{\"clusterIP\":\""
                + clusterIp
                + "\",\"ports\":[{\"port\":80}]}}");
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(taken.body()).contains("provided IP is already allocated");
    HttpResponse<String> outside =
        api.send(
            "POST",
            "/api/v1/namespaces/" + NS + "/services",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"outside\"},"
                + "\"spec\":{\"clusterIP\":\"10.0.0.10\",\"ports\":[{\"port\":80}]}}");
    assertThat(outside.statusCode()).isEqualTo(422);
    assertThat(outside.body()).contains("not in the valid range");
    HttpResponse<String> nodePort =
        api.send(
            "POST",
            "/api/v1/namespaces/" + NS + "/services",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"np\"},"
                + "\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80}]}}");
    assertThat(nodePort.statusCode()).isEqualTo(201);
    int port =
        client
            .services()
            .inNamespace(NS)
            .withName("np")
            .get()
            .getSpec()
            .getPorts()
            .get(0)
            .getNodePort();
    assertThat(port).isBetween(30000, 32767);
  }

  @Test
  void aReadinessProbeGatesTheServicesEndpoints() throws Exception {
    Path flag = Files.createTempFile("node-agent-it-ready", "");
    Files.delete(flag);
    Pod pod = pod("gated", NODE_B, "sleep 3600");
    pod.getMetadata().setLabels(Map.of("app", "gated"));
    pod.getSpec()
        .getContainers()
        .get(0)
        .setReadinessProbe(
            new ProbeBuilder()
                .withNewExec()
                .withCommand("test", "-f", flag.toString())
                .endExec()
                .withPeriodSeconds(1)
                .build());
    create(pod);
    client.services().inNamespace(NS).resource(service("gated", "gated", 8080)).create();
    try {
      awaitPhase("gated", "Running");
      await().atMost(WAIT).until(() -> endpointAddresses("gated").equals("notReady=1 ready=0"));
      assertThat(condition("gated", "Ready")).isEqualTo("False");

      Files.createFile(flag);
      await().atMost(WAIT).until(() -> endpointAddresses("gated").equals("notReady=0 ready=1"));
      assertThat(condition("gated", "Ready")).isEqualTo("True");

      Files.delete(flag);
      await().atMost(WAIT).until(() -> endpointAddresses("gated").equals("notReady=1 ready=0"));
    } finally {
      Files.deleteIfExists(flag);
    }
  }

  @Test
  void killingAnAgentMakesItsNodeNotReadyAndTheDeploymentsPodMovesToAnotherNode(ControlPlane api)
      throws Exception {
    String doomed = "it-node-doomed";
    String pool = "pilothouse.io/it-pool";
    try (NodeAgentProcess agent =
        labelledAgent(api, doomed, "127.0.77.3", "127.202.3.0/24", pool + "=ha")) {
      await().atMost(WAIT).until(() -> ready(doomed));
      client.apps().deployments().inNamespace(NS).resource(deployment("ha", pool)).create();
      Pod first = awaitDeploymentPod("ha", p -> doomed.equals(p.getSpec().getNodeName()));
      long pid = pid(first);
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

      // the other node joins the pool; the doomed agent dies without a word (its containers die
      // with it)
      client
          .nodes()
          .withName(NODE_A)
          .edit(
              n -> {
                n.getMetadata().getLabels().put(pool, "ha");
                return n;
              });
      agent.kill();
      await()
          .atMost(WAIT)
          .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

      await().atMost(WAIT).until(() -> readyStatus(doomed).equals("Unknown"));
      Pod moved =
          awaitDeploymentPod(
              "ha",
              p ->
                  NODE_A.equals(p.getSpec().getNodeName())
                      && p.getStatus() != null
                      && "Running".equals(p.getStatus().getPhase()));
      assertThat(moved.getMetadata().getName()).isNotEqualTo(first.getMetadata().getName());
      assertThat(ProcessHandle.of(pid(moved)).map(ProcessHandle::isAlive)).contains(true);
    } finally {
      client.apps().deployments().inNamespace(NS).withName("ha").delete();
    }
  }

  @Test
  void oneSimulatedAgentRegistersAHundredReadyNodes(ControlPlane api) throws Exception {
    try (NodeAgentProcess simulated =
        agent(
            api,
            "it-sim",
            "127.0.77.4",
            "127.203.0.0/24",
            "--runtime",
            "simulated",
            "--simulate-nodes",
            "100",
            "--no-proxy")) {
      await()
          .atMost(Duration.ofSeconds(180))
          .until(
              () ->
                  client.nodes().list().getItems().stream()
                          .filter(n -> n.getMetadata().getName().startsWith("it-sim-"))
                          .filter(n -> ready(n.getMetadata().getName()))
                          .count()
                      == 100);
      Node one = client.nodes().withName("it-sim-0001").get();
      assertThat(one.getStatus().getNodeInfo().getContainerRuntimeVersion())
          .startsWith("simulated://");
    }
  }

  private static Service service(String name, String app, int targetPort) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withSelector(Map.of("app", app))
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withNewTargetPort(targetPort)
        .endPort()
        .endSpec()
        .build();
  }

  /** "notReady=N ready=M" addresses of a Service's Endpoints (0 when it has none yet). */
  private static String endpointAddresses(String service) {
    var endpoints = client.endpoints().inNamespace(NS).withName(service).get();
    int ready = 0;
    int notReady = 0;
    if (endpoints != null && endpoints.getSubsets() != null) {
      for (var subset : endpoints.getSubsets()) {
        ready += subset.getAddresses() == null ? 0 : subset.getAddresses().size();
        notReady +=
            subset.getNotReadyAddresses() == null ? 0 : subset.getNotReadyAddresses().size();
      }
    }
    return "notReady=" + notReady + " ready=" + ready;
  }

  private static String condition(String pod, String type) {
    return client.pods().inNamespace(NS).withName(pod).get().getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .map(c -> c.getStatus())
        .findFirst()
        .orElse("");
  }

  private static String readyStatus(String node) {
    return client.nodes().withName(node).get().getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("Ready"))
        .map(c -> c.getStatus())
        .findFirst()
        .orElse("");
  }

  /**
   * A one-replica Deployment for the nodes labelled {@code pool=ha}, tolerating the test nodes'
   * taint and, for only 2 s, an unreachable or not-ready node (upstream's default is 300 s).
   */
  private static Deployment deployment(String name, String pool) {
    Deployment deployment = Fabric8Objects.deployment(name, 1);
    PodSpec spec = deployment.getSpec().getTemplate().getSpec();
    spec.setNodeSelector(Map.of(pool, "ha"));
    spec.setTerminationGracePeriodSeconds(2L);
    spec.setTolerations(
        List.of(
            TestNodes.toleration(TestNodes.PRIVATE, "true", "NoSchedule"),
            evictAfter("node.kubernetes.io/unreachable"),
            evictAfter("node.kubernetes.io/not-ready")));
    spec.getContainers().get(0).setImage("busybox");
    spec.getContainers().get(0).setCommand(List.of("sleep", "3600"));
    return deployment;
  }

  private static Toleration evictAfter(String key) {
    return new TolerationBuilder()
        .withKey(key)
        .withOperator("Exists")
        .withEffect("NoExecute")
        .withTolerationSeconds(2L)
        .build();
  }

  private static Pod awaitDeploymentPod(String app, Predicate<Pod> wanted) {
    AtomicReference<Pod> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(180))
        .until(
            () ->
                client.pods().inNamespace(NS).withLabel("app", app).list().getItems().stream()
                    .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                    .filter(
                        p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                    .filter(wanted)
                    .peek(found::set)
                    .findFirst()
                    .isPresent());
    return found.get();
  }

  private static long pid(Pod pod) {
    String id = pod.getStatus().getContainerStatuses().get(0).getContainerID();
    assertThat(id).startsWith("process://");
    return Long.parseLong(id.substring("process://".length()));
  }

  private static long toNumber(String ip) {
    long value = 0;
    for (String octet : ip.split("\\.")) {
      value = value * 256 + Integer.parseInt(octet);
    }
    return value;
  }

  private static Pod pod(String name, String node, String script) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .withTerminationGracePeriodSeconds(5L)
        .addNewContainer()
        .withName("main")
        .withImage("busybox")
        .withCommand(script == null ? null : List.of("sh", "-c", script))
        .endContainer()
        .endSpec()
        .build();
  }

  private static void create(Pod pod) {
    client.pods().inNamespace(NS).resource(pod).create();
  }

  private static Pod awaitPhase(String name, String phase) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Pod p = client.pods().inNamespace(NS).withName(name).get();
              return p != null && p.getStatus() != null && phase.equals(p.getStatus().getPhase());
            });
    return client.pods().inNamespace(NS).withName(name).get();
  }

  private static ContainerStatus containerStatus(String name) {
    Pod p = client.pods().inNamespace(NS).withName(name).get();
    if (p == null || p.getStatus() == null || p.getStatus().getContainerStatuses() == null) {
      return null;
    }
    return p.getStatus().getContainerStatuses().stream().findFirst().orElse(null);
  }

  private static String waitingReason(String name) {
    ContainerStatus s = containerStatus(name);
    return s == null || s.getState() == null || s.getState().getWaiting() == null
        ? ""
        : String.valueOf(s.getState().getWaiting().getReason());
  }
}
