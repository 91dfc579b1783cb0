package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.DeleteOptions;
import io.pilothouse.registry.ListOptions;
import io.pilothouse.registry.WriteOptions;
import jakarta.ws.rs.core.MultivaluedMap;
import tools.jackson.databind.node.ObjectNode;

/** Reads the API's query parameters into the registry's option records. */
public final class QueryOptions {

  private QueryOptions() {}

  /** {@code labelSelector}, {@code fieldSelector}, {@code limit}, {@code continue}... */
  public static ListOptions list(MultivaluedMap<String, String> query) {
    return new ListOptions(
        query.getFirst("labelSelector"),
        query.getFirst("fieldSelector"),
        integer(query, "limit", 0),
        query.getFirst("continue"),
        query.getFirst("resourceVersion"),
        bool(query, "allowWatchBookmarks"),
        query.containsKey("timeoutSeconds") ? integer(query, "timeoutSeconds", 0) : null,
        bool(query, "sendInitialEvents"));
  }

  /** Whether a GET is a watch ({@code watch=true} or {@code watch=1}). */
  public static boolean isWatch(MultivaluedMap<String, String> query) {
    return bool(query, "watch");
  }

  /** {@code dryRun=All}, {@code fieldValidation}, {@code fieldManager}. */
  public static WriteOptions write(MultivaluedMap<String, String> query) {
    String dryRun = query.getFirst("dryRun");
    if (dryRun != null && !dryRun.isEmpty() && !dryRun.equals("All")) {
      throw badRequest("dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
    }
    try {
      return new WriteOptions(
          "All".equals(dryRun),
          WriteOptions.FieldValidation.parse(query.getFirst("fieldValidation")),
          query.getFirst("fieldManager"));
    } catch (IllegalArgumentException e) {
      throw badRequest(
          "fieldValidation: Unsupported value: \""
              + query.getFirst("fieldValidation")
              + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
    }
  }

  /** Delete options from the query and, if given, from a {@code DeleteOptions} body. */
  public static DeleteOptions delete(MultivaluedMap<String, String> query, ObjectNode body) {
    Long grace =
        query.containsKey("gracePeriodSeconds")
            ? (long) integer(query, "gracePeriodSeconds", 0)
            : null;
    String policy = query.getFirst("propagationPolicy");
    String uid = null;
    String resourceVersion = null;
    boolean dryRun = "All".equals(query.getFirst("dryRun"));
    if (body != null) {
      if (body.hasNonNull("gracePeriodSeconds")) {
        grace = body.get("gracePeriodSeconds").asLong();
      }
      if (body.hasNonNull("propagationPolicy")) {
        policy = body.get("propagationPolicy").asString();
      } else if (body.has("orphanDependents") && body.get("orphanDependents").asBoolean()) {
        policy = DeleteOptions.ORPHAN;
      }
      uid = body.path("preconditions").path("uid").asString(null);
      resourceVersion = body.path("preconditions").path("resourceVersion").asString(null);
      dryRun |= body.path("dryRun").toString().contains("All");
    }
    if (policy != null
        && !policy.equals(DeleteOptions.ORPHAN)
        && !policy.equals(DeleteOptions.BACKGROUND)
        && !policy.equals(DeleteOptions.FOREGROUND)) {
      throw badRequest("propagationPolicy: Unsupported value: \"" + policy + "\"");
    }
    return new DeleteOptions(grace, policy, uid, resourceVersion, dryRun);
  }

  private static int integer(MultivaluedMap<String, String> query, String name, int fallback) {
    String value = query.getFirst(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw badRequest(name + ": invalid value \"" + value + "\": must be an integer");
    }
  }

  private static boolean bool(MultivaluedMap<String, String> query, String name) {
    String value = query.getFirst(name);
    return value != null && (value.equals("true") || value.equals("1") || value.isEmpty());
  }

  private static StatusException badRequest(String message) {
    return new StatusException(400, StatusReasons.BAD_REQUEST, message);
  }
}
