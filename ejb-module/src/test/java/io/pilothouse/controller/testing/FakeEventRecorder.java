package io.pilothouse.controller.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pilothouse.controller.EventRecorder;
import java.util.ArrayList;
import java.util.List;

/** An {@link EventRecorder} that keeps the recorded events in memory for assertions. */
public class FakeEventRecorder implements EventRecorder {

  /** One recorded event: about which object, from whom, and what. */
  public record Recorded(
      String kind,
      String namespace,
      String name,
      String type,
      String component,
      String reason,
      String message) {}

  private final List<Recorded> events = new ArrayList<>();

  @Override
  public void normal(HasMetadata about, String component, String reason, String message) {
    add(about, "Normal", component, reason, message);
  }

  @Override
  public void warning(HasMetadata about, String component, String reason, String message) {
    add(about, "Warning", component, reason, message);
  }

  private void add(
      HasMetadata about, String type, String component, String reason, String message) {
    events.add(
        new Recorded(
            about.getKind(),
            about.getMetadata().getNamespace(),
            about.getMetadata().getName(),
            type,
            component,
            reason,
            message));
  }

  /** Every event so far, in order. */
  public List<Recorded> events() {
    return List.copyOf(events);
  }

  /** The reasons of the events so far, in order. */
  public List<String> reasons() {
    return events.stream().map(Recorded::reason).toList();
  }

  /** The events with this reason. */
  public List<Recorded> withReason(String reason) {
    return events.stream().filter(e -> e.reason().equals(reason)).toList();
  }

  public void clear() {
    events.clear();
  }
}
