package io.pilothouse.printing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get jobs}: NAME, STATUS ({@code Running}, {@code Complete}, {@code Failed}, {@code
 * Suspended}, {@code Terminating}, ...), COMPLETIONS ({@code 1/3}, or {@code 0/1 of 4} for a work
 * queue), DURATION, AGE; wide adds CONTAINERS, IMAGES and SELECTOR.
 */
final class JobPrinter implements KindPrinter {

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of("Status", "string", "Status of the job."),
          Column.of("Completions", "string", Descriptions.JOB_SUCCEEDED),
          Column.of("Duration", "string", "Time required to complete the job."),
          Column.ageColumn(),
          Column.wide("Containers", "string", Descriptions.TEMPLATE_CONTAINERS),
          Column.wide("Images", "string", Descriptions.TEMPLATE_IMAGES),
          Column.wide("Selector", "string", Descriptions.JOB_SELECTOR));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode job, Instant now) {
    return List.of(
        Fields.name(job),
        status(job),
        completions(job),
        duration(job, now),
        Timestamps.age(job, now),
        TemplateCells.containerNames(job),
        TemplateCells.images(job),
        Selectors.formatLabelSelector(Fields.at(job, "spec", "selector")));
  }

  private static String completions(JsonNode job) {
    long succeeded = Fields.number(job, "status", "succeeded");
    JsonNode completions = Fields.at(job, "spec", "completions");
    if (completions.isNumber()) {
      return succeeded + "/" + completions.asLong();
    }
    long parallelism = Fields.number(job, "spec", "parallelism");
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  /** Start to completion, or start to now while running; empty before the job starts. */
  private static String duration(JsonNode job, Instant now) {
    Instant start = Fields.time(job, "status", "startTime");
    if (start == null) {
      return "";
    }
    Instant end = Fields.time(job, "status", "completionTime");
    return HumanDuration.format(Duration.between(start, end == null ? now : end));
  }

  private static String status(JsonNode job) {
    if (hasCondition(job, "Complete")) {
      return "Complete";
    } else if (hasCondition(job, "Failed")) {
      return "Failed";
    } else if (!Fields.text(job, "metadata", "deletionTimestamp").isEmpty()) {
      return "Terminating";
    } else if (hasCondition(job, "Suspended")) {
      return "Suspended";
    } else if (hasCondition(job, "FailureTarget")) {
      return "FailureTarget";
    } else if (hasCondition(job, "SuccessCriteriaMet")) {
      return "SuccessCriteriaMet";
    }
    return "Running";
  }

  /** The first condition of {@code type} is {@code True}. */
  private static boolean hasCondition(JsonNode job, String type) {
    for (JsonNode condition : Fields.items(job, "status", "conditions")) {
      if (Fields.text(condition, "type").equals(type)) {
        return Fields.text(condition, "status").equals("True");
      }
    }
    return false;
  }
}
