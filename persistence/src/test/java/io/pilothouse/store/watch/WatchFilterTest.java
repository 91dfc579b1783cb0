package io.pilothouse.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.EventType;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Upstream's watch transitions: entering a selection is ADDED, leaving it is DELETED. */
class WatchFilterTest {

  static final ObjectKey POD = ObjectKey.namespaced("", "pods", "default", "web-1");
  static final IndexedFields WEB = IndexedFields.builder().label("app", "web").build();
  static final IndexedFields DB = IndexedFields.builder().label("app", "db").build();

  private final WatchFilter webPods =
      new WatchFilter("", "pods", null, LabelSelector.parse("app=web"), null);

  static StoreEvent event(long rev, EventType type, IndexedFields now, IndexedFields before) {
    String body = "{\"rev\":" + rev + "}";
    String prev = before == null ? null : "{\"rev\":" + (rev - 1) + "}";
    if (type == EventType.DELETED) {
      body = prev;
    }
    return new StoreEvent(rev, type, POD, "uid", body, prev, now, before);
  }

  @Test
  void modifiedIntoTheSelectionIsAdded() {
    Optional<StoreEvent> seen = webPods.apply(event(2, EventType.MODIFIED, WEB, DB));

    assertThat(seen).get().extracting(StoreEvent::type).isEqualTo(EventType.ADDED);
    assertThat(seen.get().body()).isEqualTo("{\"rev\":2}");
  }

  @Test
  void modifiedOutOfTheSelectionIsDeletedWithThePreviousBody() {
    Optional<StoreEvent> seen = webPods.apply(event(3, EventType.MODIFIED, DB, WEB));

    assertThat(seen).get().extracting(StoreEvent::type).isEqualTo(EventType.DELETED);
    assertThat(seen.get().body()).isEqualTo("{\"rev\":2}");
    assertThat(seen.get().revision()).isEqualTo(3);
    assertThat(seen.get().fields()).isEqualTo(WEB);
  }

  @Test
  void changesInsideAndOutsideTheSelection() {
    assertThat(webPods.apply(event(2, EventType.MODIFIED, WEB, WEB)))
        .get()
        .extracting(StoreEvent::type)
        .isEqualTo(EventType.MODIFIED);
    assertThat(webPods.apply(event(2, EventType.MODIFIED, DB, DB))).isEmpty();
    assertThat(webPods.apply(event(1, EventType.ADDED, WEB, null)))
        .get()
        .extracting(StoreEvent::type)
        .isEqualTo(EventType.ADDED);
    assertThat(webPods.apply(event(1, EventType.ADDED, DB, null))).isEmpty();
    assertThat(webPods.apply(event(4, EventType.DELETED, WEB, WEB)))
        .get()
        .extracting(StoreEvent::type)
        .isEqualTo(EventType.DELETED);
    assertThat(webPods.apply(event(4, EventType.DELETED, DB, DB))).isEmpty();
  }

  @Test
  void bindingAPodToTheNodeIsAnAddForThatNodesWatch() {
    WatchFilter node1 =
        new WatchFilter("", "pods", null, null, FieldSelector.parse("spec.nodeName=node-1"));
    IndexedFields unbound = IndexedFields.builder().field("status.phase", "Pending").build();
    IndexedFields bound = IndexedFields.builder().field("spec.nodeName", "node-1").build();

    assertThat(node1.apply(event(1, EventType.ADDED, unbound, null))).isEmpty();
    assertThat(node1.apply(event(2, EventType.MODIFIED, bound, unbound)))
        .get()
        .extracting(StoreEvent::type)
        .isEqualTo(EventType.ADDED);
  }

  @Test
  void scopeIsResourceAndNamespace() {
    StoreEvent added = event(1, EventType.ADDED, WEB, null);

    assertThat(new WatchFilter("", "pods", "default", null, null).apply(added)).isPresent();
    assertThat(new WatchFilter("", "pods", "other", null, null).apply(added)).isEmpty();
    assertThat(new WatchFilter("apps", "pods", null, null, null).apply(added)).isEmpty();
    assertThat(WatchFilter.resource("", "services").apply(added)).isEmpty();
    assertThat(WatchFilter.everything().apply(added)).contains(added);
  }
}
