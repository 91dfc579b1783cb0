package io.pilothouse.it;

import static io.pilothouse.it.Fabric8Objects.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.SharedControlPlane;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fabric8 client's informers and watches against the deployed WAR: an informer's list+watch
 * (with bookmarks) firing add, update and delete handlers, watches filtered by field and label
 * selectors, and a pod bound through {@code pods/binding} entering a kubelet-style watch.
 */
@ExtendWith(SharedControlPlane.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class Fabric8WatchIT {

  private static final Duration EVENT_WAIT = Duration.ofSeconds(10);

  private final ControlPlane api;
  private final KubernetesClient client;
  private final String ns = "f8w-" + UUID.randomUUID().toString().substring(0, 8);

  Fabric8WatchIT(ControlPlane api) {
    this.api = api;
    this.client = Fabric8Clients.connect(api.root());
  }

  @BeforeEach
  void createNamespace() {
    client.namespaces().resource(Fabric8Objects.namespace(ns)).create();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void informerFiresHandlersAndFollowsBookmarks() {
    var configMaps = client.configMaps().inNamespace(ns);
    configMaps.resource(configMap("before", "0")).create();
    InformerEvents events = new InformerEvents();
    List<String> heard = events.heard();
    try (SharedIndexInformer<ConfigMap> informer = configMaps.inform(events, 0)) {
      await().atMost(EVENT_WAIT).until(() -> informer.hasSynced() && heard.contains("add before"));
      configMaps.resource(configMap("during", "0")).create();
      configMaps
          .withName("during")
          .edit(c -> new ConfigMapBuilder(c).addToData("key", "1").build());
      configMaps.withName("before").delete();
      await()
          .atMost(EVENT_WAIT)
          .until(
              () -> heard.containsAll(List.of("add during", "update during=1", "delete before")));
      assertThat(heard)
          .containsExactly("add before", "add during", "update during=1", "delete before");
      assertThat(informer.getStore().listKeys()).containsExactly(ns + "/during");

      long elsewhere =
          rv(
              client
                  .configMaps()
                  .inNamespace("default")
                  .resource(configMap("elsewhere-" + ns, "x"))
                  .create());
      await()
          .atMost(Duration.ofSeconds(25))
          .until(() -> Long.parseLong(informer.lastSyncResourceVersion()) >= elsewhere);
      assertThat(informer.isWatching()).isTrue();
      assertThat(heard).hasSize(4);
    }
  }

  @Test
  void watchWithFieldSelectorSeesOnlyTheSelectedObject() throws Exception {
    var configMaps = client.configMaps().inNamespace(ns);
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    try (Watch watch = configMaps.withField("metadata.name", "watched").watch(queue(events))) {
      configMaps.resource(configMap("other", "0")).create();
      configMaps.resource(configMap("watched", "0")).create();
      configMaps.withName("other").edit(c -> new ConfigMapBuilder(c).addToData("key", "1").build());
      configMaps
          .withName("watched")
          .edit(c -> new ConfigMapBuilder(c).addToData("key", "1").build());
      configMaps.withName("watched").delete();
      assertThat(take(events, 3))
          .containsExactly("ADDED watched", "MODIFIED watched", "DELETED watched");
      assertThat(events.poll(1, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void watchWithLabelSelectorSeesObjectsEnterAndLeave() throws Exception {
    var configMaps = client.configMaps().inNamespace(ns);
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    try (Watch watch = configMaps.withLabel("tier", "web").watch(queue(events))) {
      configMaps.resource(configMap("moving", Map.of("tier", "db"), Map.of())).create();
      configMaps.withName("moving").edit(c -> relabel(c, "web"));
      configMaps.withName("moving").edit(c -> new ConfigMapBuilder(c).addToData("k", "v").build());
      configMaps.withName("moving").edit(c -> relabel(c, "db"));
      assertThat(take(events, 3))
          .containsExactly("ADDED moving", "MODIFIED moving", "DELETED moving");
    }
  }

  @Test
  void boundPodEntersTheNodesWatch() throws Exception {
    var pods = client.pods().inNamespace(ns);
    // a scheduler name nobody serves: the test, not Pilothouse's scheduler, binds this pod
    Pod unbound = Fabric8Objects.unboundPod("to-bind");
    unbound.getSpec().setSchedulerName("manual-binding-test");
    Pod pod = pods.resource(unbound).create();
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    try (Watch watch = pods.withField("spec.nodeName", "node-f8").watch(queue(events))) {
      HttpResponse<String> bound = bind("to-bind", "node-f8");
      assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);
      assertThat(take(events, 1)).containsExactly("ADDED to-bind");
    }
    Pod read = pods.withName("to-bind").get();
    assertThat(read.getSpec().getNodeName()).isEqualTo("node-f8");
    assertThat(read.getStatus().getConditions())
        .anyMatch(c -> c.getType().equals("PodScheduled") && c.getStatus().equals("True"));
    assertThat(rv(read)).isGreaterThan(rv(pod));
    assertThat(bind("to-bind", "node-other").statusCode()).isEqualTo(409);
  }

  /** {@code pods/binding}: fabric8's DSL has no bind verb, so it goes over plain HTTP. */
  private HttpResponse<String> bind(String pod, String node) throws Exception {
    String binding =
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\""
            + pod
            + "\"},\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\""
            + node
            + "\"}}";
    return api.send(
        "POST",
        "/api/v1/namespaces/" + ns + "/pods/" + pod + "/binding",
        "application/json",
        binding);
  }

  private static ConfigMap relabel(ConfigMap c, String tier) {
    return new ConfigMapBuilder(c).editMetadata().addToLabels("tier", tier).endMetadata().build();
  }

  private static List<String> take(BlockingQueue<String> events, int count)
      throws InterruptedException {
    List<String> taken = new ArrayList<>();
    while (taken.size() < count) {
      String event = events.poll(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS);
      if (event == null) {
        break;
      }
      taken.add(event);
    }
    return taken;
  }

  private static <T extends HasMetadata> Watcher<T> queue(BlockingQueue<String> events) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        events.add(action + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
        events.add("CLOSED " + cause.getMessage());
      }
    };
  }

  private static long rv(HasMetadata object) {
    return Long.parseLong(object.getMetadata().getResourceVersion());
  }
}
