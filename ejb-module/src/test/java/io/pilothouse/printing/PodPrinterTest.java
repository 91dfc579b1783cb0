package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.ago;
import static io.pilothouse.printing.Fixtures.narrow;
import static io.pilothouse.printing.Fixtures.wide;
import static io.pilothouse.printing.PodFixtures.TWO_MINUTES_AGO;
import static io.pilothouse.printing.PodFixtures.pod;
import static io.pilothouse.printing.PodFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class PodPrinterTest {

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(
            "running and ready",
            pod("", "{'phase':'Running','containerStatuses':[" + running(true, 0) + "]}"),
            List.of("web-0", "1/1", "Running", "0", "5m")),
        Arguments.of(
            "pending, not yet scheduled",
            pod("", "{'phase':'Pending'}"),
            List.of("web-0", "0/1", "Pending", "0", "5m")),
        Arguments.of(
            "scheduling gated",
            pod(
                "",
                "{'phase':'Pending','conditions':[{'type':'PodScheduled','status':'False',"
                    + "'reason':'SchedulingGated'}]}"),
            List.of("web-0", "0/1", "SchedulingGated", "0", "5m")),
        Arguments.of(
            "creating its container",
            pod(
                "",
                "{'phase':'Pending','containerStatuses':[{'name':'web','ready':false,"
                    + "'restartCount':0,'state':{'waiting':{'reason':'ContainerCreating'}}}]}"),
            List.of("web-0", "0/1", "ContainerCreating", "0", "5m")),
        Arguments.of(
            "crash looping",
            pod(
                "",
                "{'phase':'Running','containerStatuses':[{'name':'web','ready':false,"
                    + "'restartCount':3,'state':{'waiting':{'reason':'CrashLoopBackOff'}},"
                    + "'lastState':{'terminated':{'exitCode':1,'reason':'Error','finishedAt':'"
                    + TWO_MINUTES_AGO
                    + "'}}}]}"),
            List.of("web-0", "0/1", "CrashLoopBackOff", "3 (2m ago)", "5m")),
        Arguments.of(
            "restarted without a recorded last state",
            pod("", "{'phase':'Running','containerStatuses':[" + running(true, 2) + "]}"),
            List.of("web-0", "1/1", "Running", "2", "5m")),
        Arguments.of(
            "succeeded",
            pod(
                "",
                "{'phase':'Succeeded','containerStatuses':[{'name':'web','ready':false,"
                    + "'restartCount':0,'state':{'terminated':{'exitCode':0,"
                    + "'reason':'Completed'}}}]}"),
            List.of("web-0", "0/1", "Completed", "0", "5m")),
        Arguments.of(
            "failed with an error",
            pod(
                "",
                "{'phase':'Failed','containerStatuses':[{'name':'web','ready':false,"
                    + "'restartCount':0,'state':{'terminated':{'exitCode':1,'reason':'Error'}}}]}"),
            List.of("web-0", "0/1", "Error", "0", "5m")),
        Arguments.of(
            "killed by a signal, no reason",
            pod(
                "",
                "{'phase':'Failed','containerStatuses':[{'name':'web','ready':false,"
                    + "'restartCount':0,'state':{'terminated':{'exitCode':137,'signal':9}}}]}"),
            List.of("web-0", "0/1", "Signal:9", "0", "5m")),
        Arguments.of(
            "exited, no reason",
            pod(
                "",
                "{'phase':'Failed','containerStatuses':[{'name':'web','ready':false,"
                    + "'restartCount':0,'state':{'terminated':{'exitCode':2}}}]}"),
            List.of("web-0", "0/1", "ExitCode:2", "0", "5m")),
        Arguments.of(
            "evicted",
            pod("", "{'phase':'Failed','reason':'Evicted','message':'low on memory'}"),
            List.of("web-0", "0/1", "Evicted", "0", "5m")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statuses")
  void printsStatusLikeKubectl(String scenario, ObjectNode pod, List<Object> expected) {
    assertThat(narrow("", "Pod", pod)).isEqualTo(expected);
  }

  @Test
  void printsRunningOrNotReadyWhenOneOfTwoContainersCompleted() {
    String second = ",'containers':[{'name':'web','image':'nginx'},{'name':'job','image':'x'}]";
    String statuses =
        "'containerStatuses':["
            + running(true, 0)
            + ",{'name':'job','ready':false,'restartCount':0,'state':{'terminated':"
            + "{'exitCode':0,'reason':'Completed'}}}]";
    ObjectNode ready =
        pod(
            second,
            "{'phase':'Running','conditions':[{'type':'Ready','status':'True'}]," + statuses + "}");
    ObjectNode notReady =
        pod(
            second,
            "{'phase':'Running','conditions':[{'type':'Ready','status':'False'}],"
                + statuses
                + "}");

    assertThat(narrow("", "Pod", ready).subList(1, 3)).containsExactly("1/2", "Running");
    assertThat(narrow("", "Pod", notReady).subList(1, 3)).containsExactly("1/2", "NotReady");
  }

  @Test
  void printsTerminatingWhileDeletingUnlessFinished() {
    ObjectNode running =
        pod("", "{'phase':'Running','containerStatuses':[" + running(true, 0) + "]}");
    running.withObject("metadata").put("deletionTimestamp", ago(Duration.ofSeconds(10)));
    ObjectNode succeeded = pod("", "{'phase':'Succeeded'}");
    succeeded.withObject("metadata").put("deletionTimestamp", ago(Duration.ofSeconds(10)));
    ObjectNode lost = pod("", "{'phase':'Running','reason':'NodeLost'}");
    lost.withObject("metadata").put("deletionTimestamp", ago(Duration.ofSeconds(10)));

    assertThat(narrow("", "Pod", running).get(2)).isEqualTo("Terminating");
    assertThat(narrow("", "Pod", succeeded).get(2)).isEqualTo("Succeeded");
    assertThat(narrow("", "Pod", lost).get(2)).isEqualTo("Unknown");
  }

  @Test
  void printsWideColumnsFromAFabric8Pod() {
    ObjectNode pod =
        Fixtures.tree(
            new PodBuilder()
                .withNewMetadata()
                .withName("web-1")
                .withNamespace("default")
                .withCreationTimestamp(ago(Duration.ofHours(3).plusMinutes(12)))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx")
                .endContainer()
                .withNodeName("node-1")
                .addNewReadinessGate("example.com/lb-ready")
                .addNewReadinessGate("example.com/dns-ready")
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withPodIP("127.0.1.5")
                .addNewCondition()
                .withType("example.com/lb-ready")
                .withStatus("True")
                .endCondition()
                .addNewContainerStatus()
                .withName("web")
                .withReady(true)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build());

    assertThat(wide("", "Pod", pod))
        .containsExactly(
            "web-1", "1/1", "Running", "0", "3h12m", "127.0.1.5", "node-1", "<none>", "1/2");
  }

  @Test
  void printsNoneForUnscheduledPodsInWideColumns() {
    ObjectNode pod = pod("", "{'phase':'Pending','podIPs':[]}");

    assertThat(wide("", "Pod", pod).subList(5, 9))
        .containsExactly("<none>", "<none>", "<none>", "<none>");
  }
}
