package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.MicroControlPlane;
import io.pilothouse.it.support.RawWatch;
import io.pilothouse.it.support.SharedControlPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Creates from concurrent clients are written in batches (the write batcher's group commit): each
 * still gets its own revision and its own answer. Every name here is created by two clients at
 * once, so batches meet taken keys, roll back and are written again one create at a time: exactly
 * one of each pair must get 201 and the other 409 AlreadyExists, and a watch must see each stored
 * object once, in revision order, and nothing of the refused creates.
 */
@ExtendWith(SharedControlPlane.class)
class WriteBatchingIT {

  private static final int CLIENTS = 16;
  private static final int NAMES = 160;

  private final URI root;

  WriteBatchingIT(MicroControlPlane server) {
    this.root = server.root();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void concurrentCreatesOfTheSameNamesEachGetOneStoredObjectAndOneConflict() throws Exception {
    String ns = "batched-" + ThreadLocalRandom.current().nextInt(1_000_000);
    ConfigMapWriter setup = new ConfigMapWriter(root);
    setup.createNamespace(ns);
    long from = setup.list(ns).revision();
    long batchesBefore = metric("pilothouse_write_batches_total", "");
    long rolledBackBefore = metric("pilothouse_write_batched_total", "outcome=\"rolled_back\"");
    Map<String, Long> stored = new ConcurrentHashMap<>();
    Map<String, Integer> conflicts = new ConcurrentHashMap<>();
    try (RawWatch watch = RawWatch.open(root, ConfigMapWriter.watchPath(ns, from))) {
      // client t and client t + CLIENTS / 2 create the same names, in the same order
      Parallel.run(
          CLIENTS,
          Duration.ofMinutes(3),
          t -> {
            ConfigMapWriter writer = new ConfigMapWriter(root);
            for (int i = t % (CLIENTS / 2); i < NAMES; i += CLIENTS / 2) {
              String name = "cm-" + i;
              HttpResponse<String> response = writer.tryCreate(ns, name, "v");
              if (response.statusCode() == 201) {
                assertThat(stored.put(name, ConfigMapWriter.revision(response)))
                    .as("%s created twice", name)
                    .isNull();
              } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                assertThat(response.body()).contains("\"reason\":\"AlreadyExists\"");
                conflicts.merge(name, 1, Integer::sum);
              }
            }
            return null;
          });
      assertThat(stored).hasSize(NAMES);
      assertThat(conflicts).hasSize(NAMES).allSatisfy((name, count) -> assertThat(count).isOne());
      List<RawWatch.Event> events = watch.take(NAMES, Duration.ofSeconds(30));
      assertThat(events).allMatch(e -> e.type().equals("ADDED"));
      assertThat(RawWatch.revisions(events)).isSorted().doesNotHaveDuplicates();
      assertThat(events.stream().collect(Collectors.toMap(RawWatch.Event::name, e -> e.revision())))
          .isEqualTo(stored);
      assertThat(watch.next(Duration.ofSeconds(1))).as("nothing but the stored objects").isNull();
    }
    assertThat(setup.list(ns).items()).isEqualTo(stored);
    assertThat(metric("pilothouse_write_batches_total", "")).isGreaterThan(batchesBefore);
    assertThat(metric("pilothouse_write_batched_total", "outcome=\"rolled_back\""))
        .as("batches that met a taken name were rolled back")
        .isGreaterThan(rolledBackBefore);
  }

  /** A counter's value at /metrics ({@code labels}: a label to match, or empty for none). */
  private long metric(String name, String labels) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(root.resolve("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(name)
                    + "(\\{[^}]*"
                    + Pattern.quote(labels)
                    + "[^}]*\\})? ([0-9.eE+]+)$")
            .matcher(response.body());
    assertThat(m.find()).as("metric %s %s at /metrics", name, labels).isTrue();
    return (long) Double.parseDouble(m.group(2));
  }
}
