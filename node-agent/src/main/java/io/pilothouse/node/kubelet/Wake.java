package io.pilothouse.node.kubelet;

import java.time.Instant;

/** The earliest instant a pod worker wants to run again, gathered while it syncs. */
final class Wake {

  private Instant at;

  Wake(Instant latest) {
    this.at = latest;
  }

  void atMost(Instant when) {
    if (when != null && when.isBefore(at)) {
      at = when;
    }
  }

  Instant at() {
    return at;
  }
}
