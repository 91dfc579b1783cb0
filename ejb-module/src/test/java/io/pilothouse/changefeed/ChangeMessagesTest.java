package io.pilothouse.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change topic's wire form: a batch per resource, read back change by change. */
class ChangeMessagesTest {

  private static StoreChange change(
      String resource, String ns, String name, long rev, ChangeType t) {
    return new StoreChange(
        resource.equals("deployments") ? "apps" : "", resource, ns, name, rev, t);
  }

  @Test
  void aSenderBatchBecomesOneBatchPerResourceAndReadsBackInCommitOrder() {
    List<StoreChange> sent =
        List.of(
            change("pods", "default", "a", 7, ChangeType.ADDED),
            change("deployments", "default", "web", 8, ChangeType.MODIFIED),
            change("pods", "default", "b", 9, ChangeType.ADDED),
            change("nodes", "", "node-1", 10, ChangeType.DELETED),
            change("pods", "kube-system", "a", 11, ChangeType.MODIFIED));

    List<ChangeMessages.Batch> batches = ChangeMessages.batches(sent);

    assertThat(batches)
        .extracting(ChangeMessages.Batch::resource)
        .containsExactly("pods", "deployments", "nodes");
    assertThat(batches.get(0).revision()).isEqualTo(11);
    assertThat(batches.get(1).group()).isEqualTo("apps");
    List<StoreChange> read = new ArrayList<>();
    for (ChangeMessages.Batch batch : batches) {
      read.addAll(ChangeMessages.changes(batch.group(), batch.resource(), batch.body()));
    }
    assertThat(read)
        .containsExactly(sent.get(0), sent.get(2), sent.get(4), sent.get(1), sent.get(3));
  }

  @Test
  void aBodyLineThatIsNotAChangeIsRefused() {
    assertThatThrownBy(() -> ChangeMessages.changes("", "pods", "ADDED\tns\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed change line");
  }
}
