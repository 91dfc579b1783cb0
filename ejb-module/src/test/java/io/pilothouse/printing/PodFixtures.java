package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.ago;
import static io.pilothouse.printing.Fixtures.json;

import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/** Pods written as JSON for the pod printer tests: one container {@code web}, created 5m ago. */
final class PodFixtures {

  static final String CREATED = ago(Duration.ofMinutes(5));
  static final String TWO_MINUTES_AGO = ago(Duration.ofMinutes(2));

  /** A pod with one container {@code web} (plus {@code extraSpec}) and the given status. */
  static ObjectNode pod(String extraSpec, String status) {
    return json(
        "{'metadata':{'name':'web-0','namespace':'default','creationTimestamp':'"
            + CREATED
            + "'},'spec':{'containers':[{'name':'web','image':'nginx'}]"
            + extraSpec
            + "},'status':"
            + status
            + "}");
  }

  static String running(boolean ready, int restarts) {
    return "{'name':'web','ready':"
        + ready
        + ",'restartCount':"
        + restarts
        + ",'state':{'running':{'startedAt':'"
        + CREATED
        + "'}}}";
  }

  private PodFixtures() {}
}
