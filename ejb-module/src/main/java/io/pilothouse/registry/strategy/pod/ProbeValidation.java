package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.Ports;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Liveness, readiness and startup probes and lifecycle hooks, as upstream's {@code validateProbe}
 * and {@code validateHandler}: exactly one handler, valid ports and schemes, non-negative timings,
 * success threshold 1 where only 1 makes sense, sleep shorter than the grace period.
 */
final class ProbeValidation {

  private static final List<String> PROBE_HANDLERS =
      List.of("exec", "httpGet", "tcpSocket", "grpc");
  private static final List<String> HOOK_HANDLERS =
      List.of("exec", "httpGet", "tcpSocket", "sleep");
  private static final List<String> TIMINGS =
      List.of(
          "initialDelaySeconds",
          "timeoutSeconds",
          "periodSeconds",
          "successThreshold",
          "failureThreshold");
  private static final Pattern HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");

  private ProbeValidation() {}

  /** The three probes of a container at {@code cpath}. */
  static List<FieldError> validateProbes(JsonNode container, Long grace, String cpath) {
    List<FieldError> errs = new ArrayList<>();
    JsonNode liveness = container.get("livenessProbe");
    if (liveness != null && !liveness.isNull()) {
      errs.addAll(validateProbe(liveness, grace, cpath + ".livenessProbe"));
      errs.addAll(successThresholdOne(liveness, cpath + ".livenessProbe"));
    }
    JsonNode readiness = container.get("readinessProbe");
    if (readiness != null && !readiness.isNull()) {
      errs.addAll(validateProbe(readiness, grace, cpath + ".readinessProbe"));
      if (Trees.present(readiness, "terminationGracePeriodSeconds")) {
        errs.add(
            FieldError.invalid(
                cpath + ".readinessProbe.terminationGracePeriodSeconds",
                Trees.number(readiness, "terminationGracePeriodSeconds"),
                "must not be set for readinessProbes"));
      }
    }
    JsonNode startup = container.get("startupProbe");
    if (startup != null && !startup.isNull()) {
      errs.addAll(validateProbe(startup, grace, cpath + ".startupProbe"));
      errs.addAll(successThresholdOne(startup, cpath + ".startupProbe"));
    }
    return errs;
  }

  /** {@code validateLifecycle}: postStart and preStop hooks. */
  static List<FieldError> validateLifecycle(JsonNode lifecycle, Long grace, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (lifecycle == null || lifecycle.isNull()) {
      return errs;
    }
    for (String hook : List.of("postStart", "preStop")) {
      JsonNode handler = lifecycle.get(hook);
      if (handler != null && !handler.isNull()) {
        errs.addAll(validateHandler(handler, HOOK_HANDLERS, grace, path + "." + hook));
      }
    }
    return errs;
  }

  private static List<FieldError> validateProbe(JsonNode probe, Long grace, String path) {
    List<FieldError> errs = new ArrayList<>(validateHandler(probe, PROBE_HANDLERS, grace, path));
    for (String timing : TIMINGS) {
      errs.addAll(Numbers.nonNegative(probe, timing, path + "." + timing));
    }
    Long probeGrace = Trees.number(probe, "terminationGracePeriodSeconds");
    if (probeGrace != null && probeGrace <= 0) {
      errs.add(
          FieldError.invalid(
              path + ".terminationGracePeriodSeconds", probeGrace, "must be greater than 0"));
    }
    return errs;
  }

  private static List<FieldError> successThresholdOne(JsonNode probe, String path) {
    Long threshold = Trees.number(probe, "successThreshold");
    long value = threshold == null ? 0 : threshold;
    return value == 1
        ? List.of()
        : List.of(FieldError.invalid(path + ".successThreshold", value, "must be 1"));
  }

  private static List<FieldError> validateHandler(
      JsonNode handler, List<String> kinds, Long grace, String path) {
    List<FieldError> errs = new ArrayList<>();
    int handlers = 0;
    for (String kind : kinds) {
      JsonNode action = handler.get(kind);
      if (action == null || action.isNull()) {
        continue;
      }
      if (handlers > 0) {
        errs.add(
            FieldError.forbidden(path + "." + kind, "may not specify more than 1 handler type"));
        continue;
      }
      handlers++;
      errs.addAll(validateAction(kind, action, grace, path + "." + kind));
    }
    if (handlers == 0) {
      errs.add(FieldError.required(path, "must specify a handler type"));
    }
    return errs;
  }

  private static List<FieldError> validateAction(
      String kind, JsonNode action, Long grace, String path) {
    return switch (kind) {
      case "exec" ->
          Trees.size(action, "command") == 0
              ? List.of(FieldError.required(path + ".command"))
              : List.of();
      case "httpGet" -> validateHttpGet(action, path);
      case "tcpSocket" -> Ports.numOrName(action, "port", path + ".port");
      case "grpc" -> Ports.number(action, "port", path + ".port");
      case "sleep" -> validateSleep(action, grace, path);
      default -> List.of();
    };
  }

  private static List<FieldError> validateHttpGet(JsonNode httpGet, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (Trees.text(httpGet, "path", "").isEmpty()) {
      errs.add(FieldError.required(path + ".path"));
    }
    errs.addAll(Ports.numOrName(httpGet, "port", path + ".port"));
    String scheme = Trees.text(httpGet, "scheme", "");
    if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
      errs.add(FieldError.notSupported(path + ".scheme", scheme, List.of("HTTP", "HTTPS")));
    }
    for (JsonNode header : Trees.items(httpGet, "httpHeaders")) {
      String name = Trees.text(header, "name", "");
      if (!HEADER_NAME.matcher(name).matches()) {
        errs.add(
            FieldError.invalid(
                path + ".httpHeaders",
                name,
                "a valid HTTP header must consist of alphanumeric characters or '-' (e.g."
                    + " 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateSleep(JsonNode sleep, Long grace, String path) {
    long seconds = Trees.number(sleep, "seconds") == null ? 0 : Trees.number(sleep, "seconds");
    if (grace != null && (seconds < 0 || seconds > grace)) {
      return List.of(
          FieldError.invalid(
              path,
              seconds,
              "must be non-negative and less than terminationGracePeriodSeconds (" + grace + ")"));
    }
    return List.of();
  }
}
