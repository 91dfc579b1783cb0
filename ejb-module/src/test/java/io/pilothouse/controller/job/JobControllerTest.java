package io.pilothouse.controller.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import io.pilothouse.controller.testing.Workloads;
import io.pilothouse.controller.util.PodStates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Job controller's sync on the in-memory fake; the test plays the kubelet. */
class JobControllerTest {

  private static final Map<String, String> LABELS = Map.of("batch.kubernetes.io/job-name", "pi");
  private static final ControllerKey KEY = new ControllerKey("ns", "pi");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final FakeEventRecorder events = new FakeEventRecorder();
  private final ControllerContext context = Workloads.context(client, events, clock);
  private final JobController controller = new JobController(clock);

  private Job create(Consumer<JobBuilder> spec) {
    JobBuilder b =
        new JobBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("pi")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(LABELS)
            .endSelector()
            .withTemplate(Workloads.template(LABELS, "perl"))
            .endSpec();
    b.editSpec()
        .editTemplate()
        .editSpec()
        .withRestartPolicy("Never")
        .endSpec()
        .endTemplate()
        .endSpec();
    spec.accept(b);
    return client.create(b.build());
  }

  private List<Pod> active() {
    return client.all(Pod.class).stream().filter(PodStates::isActive).toList();
  }

  private void finish(Pod pod, String phase) {
    Pod fresh = client.require(Pod.class, "ns", pod.getMetadata().getName());
    fresh.setStatus(Workloads.pod("x", "x", Map.of(), null, phase, null).getStatus());
    client.updateStatus(fresh);
  }

  private Job job() {
    return client.require(Job.class, "ns", "pi");
  }

  private List<String> conditions() {
    return job().getStatus().getConditions().stream()
        .map(c -> c.getType() + "/" + c.getReason())
        .toList();
  }

  @Test
  void runsParallelPodsUntilCompletionsSucceed() {
    create(b -> b.editSpec().withCompletions(3).withParallelism(2).endSpec());
    controller.sync(KEY, context);
    assertThat(active())
        .hasSize(2)
        .allSatisfy(
            p -> {
              assertThat(p.getMetadata().getLabels()).containsAllEntriesOf(LABELS);
              assertThat(p.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Job");
            });
    assertThat(job().getStatus().getActive()).isEqualTo(2);
    assertThat(job().getStatus().getStartTime()).isEqualTo("2026-01-01T00:00:00Z");
    finish(active().get(0), "Succeeded");
    controller.sync(KEY, context);
    assertThat(active()).hasSize(2);
    assertThat(job().getStatus().getSucceeded()).isEqualTo(1);
    active().forEach(p -> finish(p, "Succeeded"));
    clock.advance(Duration.ofSeconds(5));
    controller.sync(KEY, context);
    assertThat(active()).isEmpty();
    assertThat(job().getStatus().getSucceeded()).isEqualTo(3);
    assertThat(conditions())
        .containsExactly("SuccessCriteriaMet/CompletionsReached", "Complete/CompletionsReached");
    assertThat(job().getStatus().getCompletionTime()).isEqualTo("2026-01-01T00:00:05Z");
    assertThat(events.reasons()).contains("SuccessfulCreate", "Completed");
    client.clearCalls();
    controller.sync(KEY, context);
    assertThat(client.writes()).isEmpty();
  }

  @Test
  void failsWhenFailuresPassTheBackoffLimit() {
    create(b -> b.editSpec().withBackoffLimit(1).endSpec());
    controller.sync(KEY, context);
    finish(active().get(0), "Failed");
    controller.sync(KEY, context);
    assertThat(active()).as("a replacement").hasSize(1);
    assertThat(job().getStatus().getFailed()).isEqualTo(1);
    finish(active().get(0), "Failed");
    controller.sync(KEY, context);
    assertThat(active()).isEmpty();
    assertThat(job().getStatus().getFailed()).isEqualTo(2);
    assertThat(conditions())
        .containsExactly("FailureTarget/BackoffLimitExceeded", "Failed/BackoffLimitExceeded");
    JobCondition failed = job().getStatus().getConditions().get(1);
    assertThat(failed.getMessage()).isEqualTo("Job has reached the specified backoff limit");
    assertThat(job().getStatus().getCompletionTime()).isNull();
    assertThat(events.withReason("BackoffLimitExceeded"))
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo("Warning"));
  }

  @Test
  void onFailureCountsContainerRestartsAgainstTheBackoffLimit() {
    create(
        b ->
            b.editSpec()
                .withBackoffLimit(2)
                .editTemplate()
                .editSpec()
                .withRestartPolicy("OnFailure")
                .endSpec()
                .endTemplate()
                .endSpec());
    controller.sync(KEY, context);
    Pod pod = client.require(Pod.class, "ns", active().get(0).getMetadata().getName());
    pod.setStatus(Workloads.pod("x", "x", Map.of(), null, "Running", null).getStatus());
    pod.getStatus()
        .setContainerStatuses(
            List.of(new ContainerStatusBuilder().withName("c").withRestartCount(2).build()));
    client.updateStatus(pod);
    controller.sync(KEY, context);
    assertThat(conditions()).contains("Failed/BackoffLimitExceeded");
  }

  @Test
  void activeDeadlineFailsTheJobAndDeletesItsPods() {
    create(
        b ->
            b.editSpec()
                .withActiveDeadlineSeconds(30L)
                .withParallelism(2)
                .withCompletions(4)
                .endSpec());
    SyncResult first = controller.sync(KEY, context);
    assertThat(first.requeueAfter()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
    clock.advance(Duration.ofSeconds(30));
    controller.sync(KEY, context);
    assertThat(client.all(Pod.class)).isEmpty();
    assertThat(conditions())
        .containsExactly("FailureTarget/DeadlineExceeded", "Failed/DeadlineExceeded");
  }

  @Test
  void aFinishedJobIsDeletedAfterItsTtl() {
    create(b -> b.editSpec().withTtlSecondsAfterFinished(10).endSpec());
    controller.sync(KEY, context);
    finish(active().get(0), "Succeeded");
    controller.sync(KEY, context);
    assertThat(controller.sync(KEY, context).requeueAfter()).isPositive();
    clock.advance(Duration.ofSeconds(10));
    controller.sync(KEY, context);
    Job deleting = job();
    assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(deleting.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
  }
}
