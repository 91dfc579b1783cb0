package io.pilothouse.dashboard;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.json.KubernetesJson;
import tools.jackson.databind.node.ObjectNode;

/** Parses taints written as {@code kubectl taint} writes them: {@code key[=value]:Effect}. */
final class Taints {

  private Taints() {}

  static ObjectNode parse(String text) {
    String trimmed = text.trim();
    int colon = trimmed.lastIndexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) {
      throw new StatusException(
          400,
          StatusReasons.BAD_REQUEST,
          "invalid taint \"" + text + "\": expected key[=value]:Effect");
    }
    String keyValue = trimmed.substring(0, colon);
    int eq = keyValue.indexOf('=');
    ObjectNode taint = KubernetesJson.mapper().createObjectNode();
    taint.put("key", eq < 0 ? keyValue : keyValue.substring(0, eq));
    if (eq >= 0) {
      taint.put("value", keyValue.substring(eq + 1));
    }
    taint.put("effect", trimmed.substring(colon + 1));
    return taint;
  }
}
