package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.ago;
import static io.pilothouse.printing.Fixtures.json;
import static io.pilothouse.printing.Fixtures.narrow;
import static io.pilothouse.printing.Fixtures.wide;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class WorkloadPrintersTest {

  private static final String TEMPLATE =
      "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':["
          + "{'name':'web','image':'nginx:1.27'},{'name':'log','image':'busybox'}]}}";

  @Test
  void printsDeploymentReadyCountsAndWideColumns() {
    ObjectNode deployment =
        Fixtures.tree(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withCreationTimestamp(ago(Duration.ofDays(10)))
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .addNewMatchExpression()
                .withKey("track")
                .withOperator("NotIn")
                .withValues("canary", "beta")
                .endMatchExpression()
                .endSelector()
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(3)
                .withReadyReplicas(2)
                .withUpdatedReplicas(3)
                .withAvailableReplicas(2)
                .endStatus()
                .build());

    assertThat(narrow("apps", "Deployment", deployment))
        .containsExactly("web", "2/3", 3L, 2L, "10d");
    assertThat(wide("apps", "Deployment", deployment).subList(5, 8))
        .containsExactly("web", "nginx:1.27", "app=web,track notin (beta,canary)");
  }

  @Test
  void printsZeroReadyForAFreshDeployment() {
    ObjectNode deployment =
        json(
            "{'metadata':{'name':'api','creationTimestamp':'"
                + ago(Duration.ofSeconds(4))
                + "'},'spec':{'replicas':2,'selector':{'matchLabels':{'app':'api'}},"
                + TEMPLATE
                + "},'status':{}}");

    assertThat(wide("apps", "Deployment", deployment))
        .containsExactly("api", "0/2", 0L, 0L, "4s", "web,log", "nginx:1.27,busybox", "app=api");
  }

  @Test
  void printsReplicaSetCountsAndSelector() {
    ObjectNode replicaSet =
        json(
            "{'metadata':{'name':'web-5d9c7b6f4','creationTimestamp':'"
                + ago(Duration.ofMinutes(45))
                + "'},'spec':{'replicas':3,'selector':{'matchLabels':{'pod-template-hash':"
                + "'5d9c7b6f4','app':'web'},'matchExpressions':[{'key':'env','operator':'Exists'}]},"
                + TEMPLATE
                + "},'status':{'replicas':3,'readyReplicas':1}}");

    assertThat(wide("apps", "ReplicaSet", replicaSet))
        .containsExactly(
            "web-5d9c7b6f4",
            3L,
            3L,
            1L,
            "45m",
            "web,log",
            "nginx:1.27,busybox",
            "app=web,env,pod-template-hash=5d9c7b6f4");
  }

  private static ObjectNode job(String spec, String status) {
    return json(
        "{'metadata':{'name':'pi','creationTimestamp':'"
            + ago(Duration.ofMinutes(3))
            + "'},'spec':{"
            + spec
            + (spec.isEmpty() ? "" : ",")
            + "'selector':{'matchLabels':{'batch.kubernetes.io/controller-uid':'0b5e'}},"
            + TEMPLATE
            + "},'status':"
            + status
            + "}");
  }

  static Stream<Arguments> jobs() {
    String started = "'startTime':'" + ago(Duration.ofSeconds(150)) + "'";
    return Stream.of(
        Arguments.of(
            "not started",
            job("'completions':1,'parallelism':1", "{}"),
            List.of("pi", "Running", "0/1", "", "3m")),
        Arguments.of(
            "running, measured to now",
            job("'completions':5,'parallelism':2", "{" + started + ",'succeeded':2,'active':2}"),
            List.of("pi", "Running", "2/5", "2m30s", "3m")),
        Arguments.of(
            "work queue",
            job("'parallelism':3", "{" + started + ",'active':3}"),
            List.of("pi", "Running", "0/1 of 3", "2m30s", "3m")),
        Arguments.of(
            "complete",
            job(
                "'completions':1,'parallelism':1",
                "{"
                    + started
                    + ",'completionTime':'"
                    + ago(Duration.ofSeconds(125))
                    + "','succeeded':1,'conditions':[{'type':'SuccessCriteriaMet','status':'True'},"
                    + "{'type':'Complete','status':'True'}]}"),
            List.of("pi", "Complete", "1/1", "25s", "3m")),
        Arguments.of(
            "failed",
            job(
                "'completions':1",
                "{"
                    + started
                    + ",'failed':7,'conditions':[{'type':'FailureTarget','status':'True'},"
                    + "{'type':'Failed','status':'True','reason':'BackoffLimitExceeded'}]}"),
            List.of("pi", "Failed", "0/1", "2m30s", "3m")),
        Arguments.of(
            "suspended",
            job(
                "'completions':1,'suspend':true",
                "{'conditions':[{'type':'Suspended','status':'True'}]}"),
            List.of("pi", "Suspended", "0/1", "", "3m")),
        Arguments.of(
            "failure target only",
            job(
                "'completions':1",
                "{" + started + ",'conditions':[{'type':'FailureTarget','status':'True'}]}"),
            List.of("pi", "FailureTarget", "0/1", "2m30s", "3m")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  void printsJobStatusCompletionsAndDuration(
      String scenario, ObjectNode job, List<Object> expected) {
    assertThat(narrow("batch", "Job", job)).isEqualTo(expected);
  }

  @Test
  void printsTerminatingJobsAndWideColumns() {
    ObjectNode job = job("'completions':1", "{}");
    job.withObject("metadata").put("deletionTimestamp", ago(Duration.ofSeconds(1)));

    assertThat(wide("batch", "Job", job))
        .containsExactly(
            "pi",
            "Terminating",
            "0/1",
            "",
            "3m",
            "web,log",
            "nginx:1.27,busybox",
            "batch.kubernetes.io/controller-uid=0b5e");
  }
}
