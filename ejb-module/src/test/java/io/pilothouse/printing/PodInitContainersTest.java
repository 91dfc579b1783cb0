package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.ago;
import static io.pilothouse.printing.Fixtures.narrow;
import static io.pilothouse.printing.PodFixtures.TWO_MINUTES_AGO;
import static io.pilothouse.printing.PodFixtures.pod;
import static io.pilothouse.printing.PodFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Pods held back or accompanied by init containers, sidecars included. */
class PodInitContainersTest {

  private static final String ONE_INIT = ",'initContainers':[{'name':'migrate','image':'flyway'}]";

  static Stream<Arguments> initStatuses() {
    String waitingApp =
        ",'containerStatuses':[{'name':'web','ready':false,'restartCount':0,"
            + "'state':{'waiting':{'reason':'PodInitializing'}}}]";
    return Stream.of(
        Arguments.of(
            "init container running",
            "{'name':'migrate','ready':false,'restartCount':0,'state':{'running':{}}}",
            waitingApp,
            "Init:0/1",
            "0"),
        Arguments.of(
            "init container crash looping",
            "{'name':'migrate','ready':false,'restartCount':4,"
                + "'state':{'waiting':{'reason':'CrashLoopBackOff'}},'lastState':{'terminated':"
                + "{'exitCode':1,'finishedAt':'"
                + ago(Duration.ofSeconds(30))
                + "'}}}",
            waitingApp,
            "Init:CrashLoopBackOff",
            "4 (30s ago)"),
        Arguments.of(
            "init container failed",
            "{'name':'migrate','ready':false,'restartCount':0,"
                + "'state':{'terminated':{'exitCode':1,'reason':'Error'}}}",
            waitingApp,
            "Init:Error",
            "0"),
        Arguments.of(
            "init container exited without a reason",
            "{'name':'migrate','ready':false,'restartCount':0,"
                + "'state':{'terminated':{'exitCode':3}}}",
            waitingApp,
            "Init:ExitCode:3",
            "0"),
        Arguments.of(
            "init container killed",
            "{'name':'migrate','ready':false,'restartCount':0,"
                + "'state':{'terminated':{'exitCode':137,'signal':9}}}",
            waitingApp,
            "Init:Signal:9",
            "0"),
        Arguments.of(
            "init done, app starting",
            "{'name':'migrate','ready':false,'restartCount':0,"
                + "'state':{'terminated':{'exitCode':0,'reason':'Completed'}}}",
            ",'containerStatuses':[{'name':'web','ready':false,'restartCount':0,"
                + "'state':{'waiting':{'reason':'ContainerCreating'}}}]",
            "ContainerCreating",
            "0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("initStatuses")
  void printsInitContainerProgress(
      String scenario, String initStatus, String appStatuses, String status, String restarts) {
    ObjectNode pod =
        pod(
            ONE_INIT,
            "{'phase':'Pending','initContainerStatuses':[" + initStatus + "]" + appStatuses + "}");

    assertThat(narrow("", "Pod", pod)).containsExactly("web-0", "0/1", status, restarts, "5m");
  }

  @Test
  void countsInitContainersAfterTheFirstUnfinishedOne() {
    String inits =
        ",'initContainers':[{'name':'a','image':'x'},{'name':'b','image':'x'},"
            + "{'name':'c','image':'x'}]";
    ObjectNode pod =
        pod(
            inits,
            "{'phase':'Pending','initContainerStatuses':["
                + "{'name':'a','state':{'terminated':{'exitCode':0}}},"
                + "{'name':'b','state':{'running':{}}},"
                + "{'name':'c','state':{'waiting':{'reason':'PodInitializing'}}}]}");

    assertThat(narrow("", "Pod", pod).get(2)).isEqualTo("Init:1/3");
  }

  @Test
  void countsRunningSidecarsAsContainers() {
    String sidecar =
        ",'initContainers':[{'name':'proxy','image':'envoy','restartPolicy':'Always'}]";
    ObjectNode pod =
        pod(
            sidecar,
            "{'phase':'Running','conditions':[{'type':'Initialized','status':'True'},"
                + "{'type':'Ready','status':'True'}],'initContainerStatuses':[{'name':'proxy',"
                + "'ready':true,'started':true,'restartCount':1,'state':{'running':{}},"
                + "'lastState':{'terminated':{'exitCode':1,'finishedAt':'"
                + TWO_MINUTES_AGO
                + "'}}}],'containerStatuses':["
                + running(true, 0)
                + "]}");

    assertThat(narrow("", "Pod", pod))
        .containsExactly("web-0", "2/2", "Running", "1 (2m ago)", "5m");
  }
}
