package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.MicroControlPlane;
import io.pilothouse.it.support.RawWatch;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What survives a restart, on a server of its own (not the shared one, whose clients a restart
 * would break): every acknowledged write is there with its resourceVersion after the server was
 * killed (SIGKILL) and started again on the same data directory; a watch resumes from the last
 * revision it saw and misses nothing; a watch from a compacted revision gets 410 Expired; and a
 * fabric8 informer whose resourceVersion was compacted while it was away gets 410, relists and goes
 * on seeing changes.
 */
class RestartIT {

  private static final int DURABLE = 500;
  private static final int WINDOW = 300;
  private static final int WRITERS = 10;

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void acknowledgedWritesSurviveWatchesResumeOrExpireAndInformersRelist() throws Exception {
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    try (MicroControlPlane server =
            new MicroControlPlane(build, "restart")
                .withProperty("pilothouse.compaction.window.revisions", Integer.toString(WINDOW))
                // no bookmark moves the informer's resourceVersion past the compacted writes
                .withProperty("pilothouse.watch.bookmark.interval.seconds", "3600")
                .clean()
                .start();
        KubernetesClient client = Fabric8Clients.connect(server.root())) {
      ConfigMapWriter writer = new ConfigMapWriter(server.root());
      writer.createNamespace("durable");
      writer.createNamespace("informed");
      writer.create("informed", "kept", "0");
      InformerEvents events = new InformerEvents();
      List<String> heard = events.heard();
      try (SharedIndexInformer<ConfigMap> informer =
          client.configMaps().inNamespace("informed").inform(events, 0)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains("add kept"));
        long informedAt = Long.parseLong(informer.lastSyncResourceVersion());

        Map<String, Long> written = new ConcurrentHashMap<>();
        long lastSeen = writeDurably(server.root(), writer.list("durable").revision(), written);
        server.restartAfterKill();

        assertThat(writer.list("durable").items()).isEqualTo(new TreeMap<>(written));
        assertWatchResumes(server.root(), lastSeen);
        long oldest = written.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertExpired(server, oldest));
        assertThat(oldest).isGreaterThan(informedAt);

        // the informer's watch resumed from informedAt, older than the window: 410, then a relist
        await().atMost(Duration.ofMinutes(3)).until(() -> events.lists() >= 2);
        assertThat(informer.getStore().listKeys()).containsExactly("informed/kept");
        var informed = client.configMaps().inNamespace("informed");
        informed.resource(Fabric8Objects.configMap("after", "0")).create();
        informed.withName("after").edit(c -> new ConfigMapBuilder(c).addToData("key", "1").build());
        informed.withName("kept").delete();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> heard.containsAll(List.of("add after", "update after=1", "delete kept")));
        assertThat(heard).containsExactly("add kept", "add after", "update after=1", "delete kept");
        assertThat(informer.getStore().listKeys()).containsExactly("informed/after");
      }
      // a graceful stop: the undeploy stops the embedded broker, not the broker's own shutdown
      // hook, which had left the adapter and the change publisher starting new brokers that failed
      // ("Shutdown in progress") until the process was killed
      assertThat(server.stop()).as("ended on SIGTERM").isTrue();
      assertThat(Files.readString(server.log())).doesNotContain("Shutdown in progress");
    }
  }

  /** Creates {@link #DURABLE} ConfigMaps under a watch; the last revision the watch saw. */
  private static long writeDurably(URI at, long from, Map<String, Long> written) throws Exception {
    try (RawWatch watch = RawWatch.open(at, ConfigMapWriter.watchPath("durable", from))) {
      Parallel.run(WRITERS, Duration.ofMinutes(4), t -> create(at, t, DURABLE / WRITERS, written));
      List<RawWatch.Event> seen = watch.take(DURABLE, Duration.ofSeconds(60));
      assertThat(seen).hasSize(DURABLE);
      assertThat(RawWatch.revisions(seen))
          .containsExactlyElementsOf(new TreeSet<>(written.values()));
      return seen.get(seen.size() - 1).revision();
    }
  }

  /** A watch from the last revision seen before the restart gets every later write, once. */
  private static void assertWatchResumes(URI at, long lastSeen) throws Exception {
    Map<Long, Long> after = new ConcurrentHashMap<>();
    try (RawWatch resumed = RawWatch.open(at, ConfigMapWriter.watchPath("durable", lastSeen))) {
      Parallel.run(8, Duration.ofMinutes(4), t -> update(at, t, 150, after));
      List<RawWatch.Event> events = resumed.take(after.size(), Duration.ofSeconds(60));
      assertThat(RawWatch.revisions(events))
          .containsExactlyElementsOf(new TreeMap<>(after).keySet());
      assertThat(resumed.next(Duration.ofSeconds(1))).isNull();
    }
  }

  private static void assertExpired(MicroControlPlane server, long revision) throws Exception {
    try (RawWatch watch =
        RawWatch.open(server.root(), ConfigMapWriter.watchPath("durable", revision))) {
      if (watch.status() != 200) {
        assertThat(watch.status()).as(watch.errorBody()).isEqualTo(410);
        assertThat(Json.path(watch.errorBody(), "reason"))
            .as(watch.errorBody())
            .isEqualTo("Expired");
        return;
      }
      RawWatch.Event first = watch.next(Duration.ofSeconds(5));
      assertThat(first).isNotNull();
      assertThat(first.type()).isEqualTo("ERROR");
      assertThat(first.code()).isEqualTo(410);
      assertThat(first.reason()).isEqualTo("Expired");
    }
  }

  private static Void create(URI at, int thread, int count, Map<String, Long> written)
      throws Exception {
    ConfigMapWriter writer = new ConfigMapWriter(at);
    for (int i = 0; i < count; i++) {
      String name = "d" + thread + "-" + i;
      written.put(name, writer.create("durable", name, "0"));
    }
    return null;
  }

  /** Updates {@code count} times, each to a new value (an unchanged object gets no revision). */
  private static Void update(URI at, int thread, int count, Map<Long, Long> written)
      throws Exception {
    ConfigMapWriter writer = new ConfigMapWriter(at);
    for (int i = 0; i < count; i++) {
      long revision = writer.put("durable", "d" + thread + "-" + (i % 50), Integer.toString(i + 1));
      written.put(revision, System.nanoTime());
    }
    return null;
  }
}
