package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.PageQuery;
import io.pilothouse.store.PageResult;
import io.pilothouse.store.StoredObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's offset pages for lazy tables: namespaces, name fragments, selectors and one field
 * among values filter in SQL; sorting by name, creation or a selectable field; totals count every
 * match, not just the page.
 */
class PageVerbTest {

  private static TestDatabase db;

  @BeforeAll
  static void fill() {
    db = TestDatabase.open("page");
    db.withStore(
        s -> {
          pod(s, "a", "web-1", "n1", "Running", "web");
          pod(s, "a", "web-2", "n2", "Pending", "web");
          pod(s, "b", "db_1", "n1", "Failed", "db");
          pod(s, "c", "web-3", "n3", "Running", "web");
          pod(s, "b", "cache", "", "Succeeded", "cache");
          s.create(
              ObjectKey.namespaced("", "services", "a", "web-1"), "svc", "{}", fields("", "", ""));
        });
  }

  private static void pod(
      io.pilothouse.store.ObjectStore s,
      String ns,
      String name,
      String node,
      String phase,
      String app) {
    s.create(
        ObjectKey.namespaced("", "pods", ns, name), "uid-" + name, "{}", fields(node, phase, app));
  }

  private static IndexedFields fields(String node, String phase, String app) {
    return IndexedFields.builder()
        .labels(app.isEmpty() ? Map.of() : Map.of("app", app))
        .field("spec.nodeName", node)
        .field("status.phase", phase)
        .build();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static PageResult page(PageQuery.Builder query) {
    return db.inStore(s -> s.page(query.build()));
  }

  private static List<String> names(PageResult result) {
    return result.items().stream().map(StoredObject::key).map(ObjectKey::name).toList();
  }

  @Test
  void pagesByOffsetWithTheTotalOfAllMatches() {
    PageResult second = page(PageQuery.of("", "pods").page(2, 2));
    assertThat(second.total()).isEqualTo(5);
    assertThat(names(second)).containsExactly("cache", "db_1");
  }

  @Test
  void filtersByNamespacesAndNameFragment() {
    PageResult result =
        page(
            PageQuery.of("", "pods").namespaces(List.of("a", "c")).nameContains("WEB").page(0, 10));
    assertThat(names(result)).containsExactly("web-1", "web-2", "web-3");
    assertThat(result.total()).isEqualTo(3);
  }

  @Test
  void likeWildcardsInTheFragmentAreLiteral() {
    assertThat(names(page(PageQuery.of("", "pods").nameContains("_").page(0, 10))))
        .containsExactly("db_1");
    assertThat(page(PageQuery.of("", "pods").nameContains("%").page(0, 10)).total()).isZero();
  }

  @Test
  void filtersByLabelAndFieldSelectorsAndFieldValues() {
    assertThat(
            names(
                page(
                    PageQuery.of("", "pods")
                        .labelSelector("app=web")
                        .fieldSelector("status.phase=Running")
                        .page(0, 10))))
        .containsExactly("web-1", "web-3");
    assertThat(
            names(
                page(
                    PageQuery.of("", "pods")
                        .fieldIn("spec.nodeName", List.of("n1", "n3"))
                        .page(0, 10))))
        .containsExactly("web-1", "db_1", "web-3");
    assertThat(
            names(
                page(
                    PageQuery.of("", "pods")
                        .fieldIn("spec.nodeName", List.of("n1", "n3"))
                        .fieldSelector("status.phase=Running")
                        .sort("name", false)
                        .page(0, 10))))
        .containsExactly("web-1", "web-3");
    PageResult none =
        page(PageQuery.of("", "pods").fieldIn("spec.nodeName", List.of()).page(0, 10));
    assertThat(none.items()).isEmpty();
    assertThat(none.total()).isZero();
  }

  @Test
  void sortsByNameCreationAndSelectableField() {
    assertThat(names(page(PageQuery.of("", "pods").sort("name", true).page(0, 2))))
        .containsExactly("web-3", "web-2");
    assertThat(names(page(PageQuery.of("", "pods").sort("created", true).page(0, 2))))
        .containsExactly("cache", "web-3");
    assertThat(names(page(PageQuery.of("", "pods").sort("status.phase", false).page(0, 10))))
        .containsExactly("db_1", "web-2", "web-1", "web-3", "cache");
    assertThat(names(page(PageQuery.of("", "pods").sort("namespace", true).page(0, 3))))
        .containsExactly("web-3", "db_1", "cache");
    assertThat(names(page(PageQuery.of("", "pods").sort("namespace", false).page(1, 2))))
        .containsExactly("web-2", "cache");
  }

  @Test
  void aPageBeyondTheEndIsEmptyButCounts() {
    PageResult result = page(PageQuery.of("", "pods").page(50, 10));
    assertThat(result.items()).isEmpty();
    assertThat(result.total()).isEqualTo(5);
  }
}
