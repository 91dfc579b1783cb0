package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.InvalidContinueTokenException;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.ListResult;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.RevisionCompactedException;
import io.pilothouse.store.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paged lists: exactly-once across pages, remaining counts, and continue-token failures. */
class ListPagingTest {

  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.open("paging");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void fill() {
    db.clear();
    db.withStore(
        s -> {
          for (String ns : List.of("kube-system", "default", "team-a")) {
            for (int i = 0; i < 9; i++) {
              IndexedFields labels =
                  IndexedFields.builder().label("parity", i % 2 == 0 ? "even" : "odd").build();
              s.create(ObjectKey.namespaced("", "configmaps", ns, "cm-" + i), "u", "{}", labels);
            }
          }
        });
  }

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {1, 4, 7, 26, 27, 28})
  void pagesReturnEveryObjectExactlyOnceInOrder(int limit) {
    List<ListResult> pages = listAll(ListQuery.of("", "configmaps").limit(limit));

    List<String> keys = keys(pages);
    assertThat(keys).hasSize(27).doesNotHaveDuplicates();
    assertThat(keys).isSorted();
    assertThat(keys.get(0)).isEqualTo("default/cm-0");
    int seen = 0;
    for (ListResult page : pages) {
      seen += page.items().size();
      if (page.continueToken() != null) {
        assertThat(page.remainingItemCount()).isEqualTo(27L - seen);
      } else {
        assertThat(page.remainingItemCount()).isNull();
      }
    }
    assertThat(pages).extracting(ListResult::revision).containsOnly(27L);
  }

  @Test
  void pagesHonourSelectorsAndNamespace() {
    List<ListResult> pages =
        listAll(
            ListQuery.of("", "configmaps")
                .namespace("team-a")
                .labelSelector("parity=odd")
                .limit(3));

    assertThat(keys(pages))
        .containsExactly("team-a/cm-1", "team-a/cm-3", "team-a/cm-5", "team-a/cm-7");
    assertThat(pages.get(0).remainingItemCount()).isEqualTo(1);
  }

  @Test
  void writesBetweenPagesNeverRepeatAnObject() {
    ListResult first = db.inStore(s -> s.list(ListQuery.of("", "configmaps").limit(10).build()));
    ObjectKey beforeCursor = ObjectKey.namespaced("", "configmaps", "default", "aaa");
    ObjectKey afterCursor = ObjectKey.namespaced("", "configmaps", "team-a", "cm-8");
    db.withStore(
        s -> {
          s.create(beforeCursor, "u", "{}", IndexedFields.EMPTY);
          s.update(afterCursor, 0, "{\"changed\":true}", IndexedFields.EMPTY);
          s.delete(ObjectKey.namespaced("", "configmaps", "team-a", "cm-0"), 0);
        });

    List<ListResult> rest =
        listAll(ListQuery.of("", "configmaps").limit(10), first.continueToken());

    List<String> all = new ArrayList<>(keys(List.of(first)));
    all.addAll(keys(rest));
    assertThat(all).hasSize(26).doesNotHaveDuplicates().doesNotContain("default/aaa");
    assertThat(rest).extracting(ListResult::revision).containsOnly(first.revision());
    StoredObject changed =
        rest.get(rest.size() - 1).items().get(rest.get(rest.size() - 1).items().size() - 1);
    assertThat(changed.body()).isEqualTo("{\"changed\":true}");
  }

  @Test
  void continueTokenOlderThanCompactionIsExpired() {
    ListResult first = db.inStore(s -> s.list(ListQuery.of("", "configmaps").limit(5).build()));
    db.withStore(
        s -> s.update(ObjectKey.namespaced("", "configmaps", "default", "cm-0"), 0, "{}", null));
    db.withStore(s -> s.compact(0));

    assertThatThrownBy(
            () ->
                db.inStore(
                    s ->
                        s.list(
                            ListQuery.of("", "configmaps")
                                .limit(5)
                                .continueToken(first.continueToken())
                                .build())))
        .isInstanceOf(RevisionCompactedException.class)
        .hasMessageContaining("too old to display a consistent list result");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%%%",
        "djEKMTIKZGVmYXVsdA",
        "v1\n0\ndefault\ncm-1",
        "v2\n5\ndefault\ncm-1",
        "v1\nabc\ndefault\ncm-1"
      })
  void malformedContinueTokenIsRejected(String token) {
    String encoded =
        token.contains("\n")
            ? Base64.getUrlEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))
            : token;

    assertThatThrownBy(
            () ->
                db.inStore(
                    s ->
                        s.list(
                            ListQuery.of("", "configmaps")
                                .limit(5)
                                .continueToken(encoded)
                                .build())))
        .isInstanceOf(InvalidContinueTokenException.class)
        .hasMessageStartingWith("continue key is not valid");
  }

  private static List<ListResult> listAll(ListQuery.Builder query) {
    return listAll(query, null);
  }

  private static List<ListResult> listAll(ListQuery.Builder query, String firstToken) {
    List<ListResult> pages = new ArrayList<>();
    String token = firstToken;
    do {
      String current = token;
      ListResult page = db.inStore(s -> s.list(query.continueToken(current).build()));
      pages.add(page);
      token = page.continueToken();
      assertThat(pages).hasSizeLessThan(100);
    } while (token != null);
    return pages;
  }

  private static List<String> keys(List<ListResult> pages) {
    return pages.stream()
        .flatMap(p -> p.items().stream())
        .map(o -> o.key().namespace() + "/" + o.key().name())
        .toList();
  }
}
