package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.ListResult;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Label and field selectors run in SQL, checked against explicit expectations and against the
 * in-memory {@code matches} the watch path uses, so both paths select the same objects.
 */
class ListVerbTest {

  private static final Map<ObjectKey, IndexedFields> PODS = new LinkedHashMap<>();

  static {
    pod("a", "p1", Map.of("app", "web", "tier", "frontend", "version", "3"), "n1", "Running");
    pod("a", "p2", Map.of("app", "web", "tier", "backend", "version", "10"), "n2", "Pending");
    pod("a", "p3", Map.of("app", "db", "version", "x7"), "n1", "Running");
    pod("a", "p4", Map.of(), null, "Succeeded");
    pod("b", "p5", Map.of("app", "web", "env", "prod"), "n1", "Running");
  }

  private static TestDatabase db;

  private static void pod(
      String ns, String name, Map<String, String> labels, String node, String phase) {
    IndexedFields.Builder fields =
        IndexedFields.builder().labels(labels).field("status.phase", phase);
    if (node != null) {
      fields.field("spec.nodeName", node);
    }
    PODS.put(ObjectKey.namespaced("", "pods", ns, name), fields.owner("rs-" + ns).build());
  }

  @BeforeAll
  static void fill() {
    db = TestDatabase.open("list");
    db.withStore(
        s -> {
          PODS.forEach((key, fields) -> s.create(key, "uid-" + key.name(), "{}", fields));
          // same labels, other resources: must never show up in a pod list
          s.create(
              ObjectKey.namespaced("", "services", "a", "p1"),
              "s1",
              "{}",
              PODS.values().iterator().next());
          s.create(
              ObjectKey.namespaced("apps", "pods", "a", "p9"),
              "s2",
              "{}",
              PODS.values().iterator().next());
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest(name = "labels \"{0}\" select {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                       | p1 p2 p3 p4 p5",
        "app=web                  | p1 p2 p5",
        "app==web                 | p1 p2 p5",
        "app!=web                 | p3 p4",
        "app in (web,db)          | p1 p2 p3 p5",
        "tier notin (frontend)    | p2 p3 p4 p5",
        "tier                     | p1 p2",
        "!tier                    | p3 p4 p5",
        "app=web,!env             | p1 p2",
        "app=web,tier!=backend    | p1 p5",
        "version>5                | p2",
        "version<5                | p1",
        "app=nothing              | ''",
        "app in ()                | ''",
      })
  void labelSelectorsRunInSql(String selector, String expected) {
    LabelSelector parsed = LabelSelector.parse(selector);

    List<String> names = names(ListQuery.of("", "pods").labelSelector(parsed).build());

    assertThat(names).isEqualTo(split(expected));
    assertThat(names).isEqualTo(inMemory(k -> parsed.matches(PODS.get(k).labels())));
  }

  @ParameterizedTest(name = "fields \"{0}\" select {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "spec.nodeName=n1                   | p1 p3 p5",
        "spec.nodeName==n1                  | p1 p3 p5",
        "spec.nodeName!=n1                  | p2 p4",
        "spec.nodeName=                     | p4",
        "spec.nodeName!=                    | p1 p2 p3 p5",
        "status.phase=Running,spec.nodeName=n1 | p1 p3 p5",
        "spec.nodeName=n1,status.phase!=Running | ''",
        "spec.nodeName=n1,spec.nodeName=n2  | ''",
        "spec.nodeName=n1,metadata.namespace=b | p5",
        "spec.nodeName=n9                   | ''",
        "status.phase!=Running              | p2 p4",
        "metadata.name=p2                   | p2",
        "metadata.name!=p2                  | p1 p3 p4 p5",
        "metadata.namespace=b               | p5",
        "metadata.namespace!=b              | p1 p2 p3 p4",
        "no.such.field=                     | p1 p2 p3 p4 p5",
        "no.such.field=x                    | ''",
      })
  void fieldSelectorsRunInSql(String selector, String expected) {
    FieldSelector parsed = FieldSelector.parse(selector);

    List<String> names = names(ListQuery.of("", "pods").fieldSelector(parsed).build());

    assertThat(names).isEqualTo(split(expected));
    assertThat(names).isEqualTo(inMemory(k -> parsed.matches(k, PODS.get(k).fields())));
  }

  @Test
  void namespaceAndOwnerNarrowTheList() {
    assertThat(names(ListQuery.of("", "pods").namespace("b").build())).containsExactly("p5");
    assertThat(names(ListQuery.of("", "pods").namespace("zzz").build())).isEmpty();
    assertThat(names(ListQuery.of("", "pods").ownerUid("rs-a").build()))
        .containsExactly("p1", "p2", "p3", "p4");
    assertThat(names(ListQuery.of("", "pods").namespace("a").labelSelector("app=web").build()))
        .containsExactly("p1", "p2");
    assertThat(
            names(
                ListQuery.of("", "pods")
                    .ownerUid("rs-a")
                    .fieldSelector(FieldSelector.parse("spec.nodeName=n1"))
                    .build()))
        .containsExactly("p1", "p3");
    assertThat(names(ListQuery.of("", "pods").ownerUid("rs-zzz").build())).isEmpty();
  }

  @Test
  void listCarriesTheCurrentRevision() {
    ListResult result = db.inStore(s -> s.list(ListQuery.of("", "pods").build()));

    assertThat(result.revision()).isEqualTo(db.currentRevision()).isEqualTo(7);
    assertThat(result.continueToken()).isNull();
    assertThat(result.remainingItemCount()).isNull();
    assertThat(result.items()).extracting(StoredObject::uid).first().isEqualTo("uid-p1");
  }

  private static List<String> names(ListQuery query) {
    ListResult result = db.inStore(s -> s.list(query));
    return result.items().stream().map(o -> o.key().name()).toList();
  }

  private static List<String> inMemory(java.util.function.Predicate<ObjectKey> selects) {
    return PODS.keySet().stream().filter(selects).map(ObjectKey::name).toList();
  }

  private static List<String> split(String names) {
    return names.isBlank() ? List.of() : List.of(names.trim().split(" +"));
  }
}
