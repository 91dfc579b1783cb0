package io.pilothouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.api.StatusException;
import org.junit.jupiter.api.Test;

/** Taints typed as kubectl writes them. */
class TaintsTest {

  @Test
  void parsesKeyValueAndEffect() {
    assertThat(Taints.parse("dedicated=gpu:NoSchedule").toString())
        .isEqualTo("{\"key\":\"dedicated\",\"value\":\"gpu\",\"effect\":\"NoSchedule\"}");
    assertThat(Taints.parse("maintenance:NoExecute").has("value")).isFalse();
  }

  @Test
  void refusesATaintWithoutEffect() {
    assertThatThrownBy(() -> Taints.parse("nope"))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("key[=value]:Effect");
  }
}
