package io.pilothouse.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 3: a paged LIST of every pod of a namespace ({@code limit} + {@code continue}), timed
 * from the first request to the last page parsed, repeated; one untimed pass warms up first.
 */
final class ListScenario {

  /** One full paged listing. */
  record Pass(long nanos, int pages, int items, long bytes) {}

  private final Api api;

  ListScenario(Api api) {
    this.api = api;
  }

  Pass listAll(String namespace, int limit) {
    long start = System.nanoTime();
    String token = null;
    int pages = 0;
    int items = 0;
    long bytes = 0;
    do {
      String path =
          "/api/v1/namespaces/"
              + namespace
              + "/pods?limit="
              + limit
              + (token == null
                  ? ""
                  : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      String body = api.call("GET", path, null);
      JsonNode list = Api.JSON.readTree(body);
      bytes += body.length();
      items += list.path("items").size();
      pages++;
      String next = list.path("metadata").path("continue").asString("");
      token = next.isEmpty() ? null : next;
    } while (token != null);
    return new Pass(System.nanoTime() - start, pages, items, bytes);
  }

  void runAndReport(String namespace, int expected, int limit, int repetitions) {
    System.out.printf("%n== 3. Paged LIST of %,d pods, limit %d ==%n", expected, limit);
    listAll(namespace, limit);
    Stats.Table table =
        new Stats.Table(
            "LIST " + namespace + "/pods in pages of " + limit,
            "pass",
            "pages",
            "items",
            "MB",
            "total ms",
            "ms/page");
    double worst = 0;
    double sum = 0;
    boolean complete = true;
    for (int r = 1; r <= repetitions; r++) {
      Pass pass = listAll(namespace, limit);
      double ms = pass.nanos() / 1e6;
      worst = Math.max(worst, ms);
      sum += ms;
      complete &= pass.items() == expected;
      table.row(
          r,
          pass.pages(),
          pass.items(),
          String.format(java.util.Locale.ROOT, "%.1f", pass.bytes() / 1e6),
          Stats.f1(ms),
          Stats.f1(ms / pass.pages()));
    }
    table.print();
    Stats.summary(
        "3 paged LIST",
        String.format(
            java.util.Locale.ROOT,
            "%,d pods in %.0f ms mean, %.0f ms worst of %d",
            expected,
            sum / repetitions,
            worst,
            repetitions),
        "<= 1 s",
        worst <= 1000 && complete);
  }
}
