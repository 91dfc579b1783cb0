package io.pilothouse.openapi;

import java.util.List;

/**
 * One parameter of an API operation, as kube-apiserver declares it. kubectl reads the PATCH
 * operation's {@code fieldValidation} parameter to decide that the server validates fields itself
 * (and sends {@code fieldValidation=Strict} instead of validating on the client).
 *
 * @param name the parameter's name
 * @param in {@code path} or {@code query}
 * @param type {@code string}, {@code integer} or {@code boolean}
 * @param description a short description
 */
record ApiParameter(String name, String in, String type, String description) {

  static final ApiParameter NAME = path("name", "name of the object");
  static final ApiParameter NAMESPACE =
      path("namespace", "object name and auth scope, such as for teams and projects");
  static final ApiParameter PRETTY =
      query("pretty", "string", "If 'true', then the output is pretty printed.");
  static final ApiParameter DRY_RUN =
      query(
          "dryRun",
          "string",
          "When present, indicates that modifications should not be persisted. Valid values are:"
              + " All.");
  static final ApiParameter FIELD_MANAGER =
      query("fieldManager", "string", "A name associated with the actor making these changes.");
  static final ApiParameter FIELD_VALIDATION =
      query(
          "fieldValidation",
          "string",
          "How the server handles unknown or duplicate fields in the request body: Ignore, Warn"
              + " (the default) or Strict.");
  static final ApiParameter FORCE =
      query("force", "boolean", "Force apply requests to re-acquire conflicting fields.");
  static final ApiParameter GRACE_PERIOD =
      query("gracePeriodSeconds", "integer", "The duration in seconds before deletion.");
  static final ApiParameter ORPHAN_DEPENDENTS =
      query("orphanDependents", "boolean", "Deprecated: use propagationPolicy.");
  static final ApiParameter PROPAGATION_POLICY =
      query("propagationPolicy", "string", "Orphan, Background or Foreground.");

  /** The parameters of a create or update: dry run, field manager, field validation. */
  static final List<ApiParameter> WRITE = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION);

  /** The parameters of a patch: those of a write, and {@code force} for server-side apply. */
  static final List<ApiParameter> PATCH = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE);

  /** The parameters of a delete. */
  static final List<ApiParameter> DELETE =
      List.of(DRY_RUN, GRACE_PERIOD, ORPHAN_DEPENDENTS, PROPAGATION_POLICY);

  static final ApiParameter CONTINUE =
      query("continue", "string", "The continue token of a previous, paginated list.");
  static final ApiParameter FIELD_SELECTOR =
      query("fieldSelector", "string", "A selector on the objects' fields.");
  static final ApiParameter LABEL_SELECTOR =
      query("labelSelector", "string", "A selector on the objects' labels.");
  static final ApiParameter LIMIT =
      query("limit", "integer", "The maximum number of objects to return.");
  static final ApiParameter RESOURCE_VERSION =
      query("resourceVersion", "string", "The resource version to serve the request from.");
  static final ApiParameter RESOURCE_VERSION_MATCH =
      query("resourceVersionMatch", "string", "How resourceVersion applies to a list.");
  static final ApiParameter SEND_INITIAL_EVENTS =
      query("sendInitialEvents", "boolean", "Whether a watch starts with synthetic events.");
  static final ApiParameter TIMEOUT_SECONDS =
      query("timeoutSeconds", "integer", "Timeout for the list or watch call.");

  /** The parameters of a list or watch. */
  static final List<ApiParameter> LIST =
      List.of(
          query("allowWatchBookmarks", "boolean", "Requests watch events with type BOOKMARK."),
          CONTINUE,
          FIELD_SELECTOR,
          LABEL_SELECTOR,
          LIMIT,
          RESOURCE_VERSION,
          RESOURCE_VERSION_MATCH,
          SEND_INITIAL_EVENTS,
          TIMEOUT_SECONDS,
          query("watch", "boolean", "Watch for changes to the described resources."));

  /** The parameters of a delete of a collection: those of a list and of a delete. */
  static final List<ApiParameter> DELETE_COLLECTION =
      List.of(
          CONTINUE,
          DRY_RUN,
          FIELD_SELECTOR,
          GRACE_PERIOD,
          LABEL_SELECTOR,
          LIMIT,
          ORPHAN_DEPENDENTS,
          PROPAGATION_POLICY,
          RESOURCE_VERSION,
          RESOURCE_VERSION_MATCH,
          SEND_INITIAL_EVENTS,
          TIMEOUT_SECONDS);

  /** The parameters of {@code pods/log}. */
  static final List<ApiParameter> LOG =
      List.of(
          query("container", "string", "The container for which to stream logs."),
          query("follow", "boolean", "Follow the log stream of the pod."),
          query("limitBytes", "integer", "The number of bytes to read from the server."),
          query("previous", "boolean", "Return the logs of the previous, terminated container."),
          query("sinceSeconds", "integer", "Show logs newer than this many seconds."),
          query("tailLines", "integer", "The number of lines from the end of the logs to show."),
          query("timestamps", "boolean", "Prefix every line of log output with a timestamp."));

  static ApiParameter path(String name, String description) {
    return new ApiParameter(name, "path", "string", description);
  }

  static ApiParameter query(String name, String type, String description) {
    return new ApiParameter(name, "query", type, description);
  }

  /** Whether the parameter is part of the path (and thus required). */
  boolean required() {
    return in.equals("path");
  }
}
