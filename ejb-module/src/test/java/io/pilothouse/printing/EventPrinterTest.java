package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.ago;
import static io.pilothouse.printing.Fixtures.json;
import static io.pilothouse.printing.Fixtures.narrow;
import static io.pilothouse.printing.Fixtures.wide;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventPrinterTest {

  @Test
  void printsALegacyEventWithTimestampsAndCount() {
    ObjectNode event =
        json(
            "{'metadata':{'name':'web-0.17c6a1b2','namespace':'default'},"
                + "'involvedObject':{'kind':'Pod','name':'web-0','fieldPath':'spec.containers{web}'},"
                + "'reason':'BackOff','message':'Back-off restarting failed container web\\n',"
                + "'type':'Warning','count':7,'source':{'component':'kubelet','host':'node-1'},"
                + "'firstTimestamp':'"
                + ago(Duration.ofMinutes(12))
                + "','lastTimestamp':'"
                + ago(Duration.ofSeconds(40))
                + "'}");

    assertThat(narrow("", "Event", event))
        .containsExactly(
            "40s", "Warning", "BackOff", "pod/web-0", "Back-off restarting failed container web");
    assertThat(wide("", "Event", event))
        .containsExactly(
            "40s",
            "Warning",
            "BackOff",
            "pod/web-0",
            "spec.containers{web}",
            "kubelet, node-1",
            "Back-off restarting failed container web",
            "12m",
            7L,
            "web-0.17c6a1b2");
  }

  @Test
  void printsAnEventRecordedThroughTheEventsApi() {
    ObjectNode event =
        json(
            "{'metadata':{'name':'web.17c6'},'involvedObject':{'kind':'Deployment',"
                + "'name':'web'},'reason':'ScalingReplicaSet','message':'Scaled up',"
                + "'type':'Normal','eventTime':'"
                + ago(Duration.ofMinutes(30))
                + "','series':{'count':4,'lastObservedTime':'"
                + ago(Duration.ofMinutes(2))
                + "'},'reportingComponent':'deployment-controller','reportingInstance':''}");

    assertThat(wide("", "Event", event))
        .containsExactly(
            "2m",
            "Normal",
            "ScalingReplicaSet",
            "deployment/web",
            "",
            "deployment-controller",
            "Scaled up",
            "30m",
            4L,
            "web.17c6");
  }

  @Test
  void printsASingletonEventWithoutLastTimestamp() {
    ObjectNode event =
        json(
            "{'metadata':{'name':'n.1'},'involvedObject':{'kind':'Node'},'reason':'Starting',"
                + "'type':'Normal','firstTimestamp':'"
                + ago(Duration.ofHours(5))
                + "'}");

    assertThat(wide("", "Event", event))
        .containsExactly("5h", "Normal", "Starting", "node", "", "", "", "5h", 1L, "n.1");
  }
}
