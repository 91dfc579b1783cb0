package io.pilothouse.registry.validation;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Port fields that are an {@code IntOrString}: a number must be a valid port, a string a valid IANA
 * service name, as upstream's {@code ValidatePortNumOrName}.
 */
public final class Ports {

  private Ports() {}

  /** The errors of the port at {@code field} of {@code node}; absent counts as port 0. */
  public static List<FieldError> numOrName(JsonNode node, String field, String path) {
    JsonNode value = node == null ? null : node.get(field);
    List<FieldError> errs = new ArrayList<>();
    if (value != null && value.isString()) {
      for (String msg : Names.portName(value.asString())) {
        errs.add(FieldError.invalid(path, value.asString(), msg));
      }
      return errs;
    }
    long port = value != null && value.isNumber() ? value.asLong() : 0;
    for (String msg : Names.portNumber(port)) {
      errs.add(FieldError.invalid(path, port, msg));
    }
    return errs;
  }

  /** The errors of a required port number at {@code field}. */
  public static List<FieldError> number(JsonNode node, String field, String path) {
    long port = Trees.number(node, field) == null ? 0 : Trees.number(node, field);
    List<FieldError> errs = new ArrayList<>();
    for (String msg : Names.portNumber(port)) {
      errs.add(FieldError.invalid(path, port, msg));
    }
    return errs;
  }
}
