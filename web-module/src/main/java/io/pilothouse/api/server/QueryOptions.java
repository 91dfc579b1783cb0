package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.DeleteOptions;
import io.pilothouse.registry.FieldSelectorConversion;
import io.pilothouse.registry.ListOptions;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.WriteOptions;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import tools.jackson.databind.node.ObjectNode;

/** Reads the API's query parameters into the registry's option records. */
public final class QueryOptions {

  private QueryOptions() {}

  /**
   * {@code labelSelector}, {@code fieldSelector}, {@code limit}, {@code continue}... of a list,
   * watch or deletecollection of {@code type}, the field selector's labels converted for the kind
   * as upstream's handlers convert them (400 for a label the kind does not support).
   */
  public static ListOptions list(ResourceType type, MultivaluedMap<String, String> query) {
    return FieldSelectorConversion.convert(
        type,
        new ListOptions(
            query.getFirst("labelSelector"),
            query.getFirst("fieldSelector"),
            integer(query, "limit", 0),
            query.getFirst("continue"),
            query.getFirst("resourceVersion"),
            bool(query, "allowWatchBookmarks"),
            query.containsKey("timeoutSeconds") ? integer(query, "timeoutSeconds", 0) : null,
            bool(query, "sendInitialEvents")));
  }

  /** Whether a GET is a watch ({@code watch=true} or {@code watch=1}). */
  public static boolean isWatch(MultivaluedMap<String, String> query) {
    return bool(query, "watch");
  }

  /**
   * {@code dryRun=All}, {@code fieldValidation}, {@code fieldManager}; a write that names no field
   * manager is recorded under its client's User-Agent up to the first "/" ({@code kubectl}, {@code
   * fabric8-kubernetes-client}), as upstream does.
   */
  public static WriteOptions write(MultivaluedMap<String, String> query, HttpHeaders headers) {
    String manager = query.getFirst("fieldManager");
    if (manager == null || manager.isEmpty()) {
      manager = userAgentPrefix(headers.getHeaderString("User-Agent"));
    }
    return options(query, manager, false);
  }

  /** {@link #write} for a patch that is not an apply: {@code force} is refused (422). */
  public static WriteOptions patch(MultivaluedMap<String, String> query, HttpHeaders headers) {
    if (query.getFirst("force") != null) {
      throw invalidPatchOptions(
          "force", "FieldValueForbidden", "Forbidden: may not be specified for non-apply patch");
    }
    return write(query, headers);
  }

  /** The options of a server-side apply: {@code fieldManager} is required (422), {@code force}. */
  public static WriteOptions apply(MultivaluedMap<String, String> query) {
    String manager = query.getFirst("fieldManager");
    if (manager == null || manager.isEmpty()) {
      throw invalidPatchOptions(
          "fieldManager", "FieldValueRequired", "Required value: is required for apply patch");
    }
    return options(query, manager, bool(query, "force"));
  }

  private static WriteOptions options(
      MultivaluedMap<String, String> query, String manager, boolean force) {
    String dryRun = query.getFirst("dryRun");
    if (dryRun != null && !dryRun.isEmpty() && !dryRun.equals("All")) {
      throw badRequest("dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
    }
    try {
      return new WriteOptions(
          "All".equals(dryRun),
          WriteOptions.FieldValidation.parse(query.getFirst("fieldValidation")),
          manager,
          force);
    } catch (IllegalArgumentException e) {
      throw badRequest(
          "fieldValidation: Unsupported value: \""
              + query.getFirst("fieldValidation")
              + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
    }
  }

  private static String userAgentPrefix(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    String prefix = userAgent.split("/", 2)[0].trim();
    return prefix.length() > 128 ? prefix.substring(0, 128) : prefix;
  }

  /** 422 on {@code PatchOptions}, as kube-apiserver validates them. */
  private static StatusException invalidPatchOptions(String field, String reason, String message) {
    return new StatusException(
        422,
        StatusReasons.INVALID,
        "PatchOptions.meta.k8s.io \"\" is invalid: " + field + ": " + message,
        new StatusException.StatusDetails(
            "meta.k8s.io",
            "PatchOptions",
            "",
            java.util.List.of(new StatusException.Cause(reason, message, field))));
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
