package io.pilothouse.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.node.testing.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogServerTest {

  @TempDir Path dir;
  MutableClock clock = MutableClock.at("2026-01-01T00:01:00Z");
  AtomicBoolean active = new AtomicBoolean(false);
  ContainerLogServer server;
  HttpClient http = HttpClient.newHttpClient();
  Path current;
  Path previous;

  @BeforeEach
  void start() throws Exception {
    previous = dir.resolve("0.log");
    current = dir.resolve("1.log");
    Files.writeString(previous, "2026-01-01T00:00:00.000000001Z stdout F crashed\n");
    Files.writeString(
        current,
        String.join(
                "\n",
                "2026-01-01T00:00:10.000000000Z stdout F one",
                "2026-01-01T00:00:20.000000000Z stderr F two",
                "2026-01-01T00:00:30.000000000Z stdout P thr",
                "2026-01-01T00:00:30.500000000Z stdout F ee",
                "2026-01-01T00:00:40.000000000Z stdout F four")
            + "\n");
    LogLocator locator =
        (ns, pod, container, prev) -> {
          if (!"web".equals(pod)) {
            throw new LogLocator.LogNotFound("pods \"" + pod + "\" not found");
          }
          return Optional.of(
              new LogLocator.LogFile(prev ? previous : current, () -> !prev && active.get()));
        };
    server = new ContainerLogServer("127.0.0.1", 0, locator, clock);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> get(String query) throws Exception {
    URI uri =
        URI.create("http://127.0.0.1:" + server.port() + "/containerLogs/default/web/app" + query);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheWholeLogTailSinceTimestampsPreviousAndLimit() throws Exception {
    assertThat(get("").body()).isEqualTo("one\ntwo\nthree\nfour\n");
    assertThat(get("?tailLines=2").body()).isEqualTo("three\nfour\n");
    assertThat(get("?sinceSeconds=25").body()).isEqualTo("four\n");
    assertThat(get("?timestamps=true&tailLines=1").body())
        .isEqualTo("2026-01-01T00:00:40.000000000Z four\n");
    assertThat(get("?previous=true").body()).isEqualTo("crashed\n");
    assertThat(get("?limitBytes=6").body()).isEqualTo("one\ntw");
  }

  @Test
  void answersNotFoundForAnUnknownPod() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/containerLogs/default/other/app");
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("pods \"other\" not found");
  }

  @Test
  void followStreamsNewLinesUntilTheContainerStops() throws Exception {
    active.set(true);
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + server.port()
                + "/containerLogs/default/web/app?follow=true&tailLines=1");
    HttpResponse<java.io.InputStream> r =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      assertThat(in.readLine()).isEqualTo("four");
      Files.writeString(
          current, "2026-01-01T00:00:50.000000000Z stdout F five\n", StandardOpenOption.APPEND);
      assertThat(in.readLine()).isEqualTo("five");
      active.set(false);
      long begin = System.nanoTime();
      assertThat(in.readLine()).isNull();
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));
    }
  }
}
