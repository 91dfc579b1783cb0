package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusException.Cause;
import io.pilothouse.api.StatusException.StatusDetails;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.validation.FieldError;
import java.util.List;

/** Builds the registry's failures with kube-apiserver's codes, reasons and messages. */
public final class RegistryErrors {

  private RegistryErrors() {}

  /** 404: {@code pods "web" not found}. */
  public static StatusException notFound(ResourceType type, String name) {
    return new StatusException(
        404,
        StatusReasons.NOT_FOUND,
        type.groupResource() + " \"" + name + "\" not found",
        details(type, name));
  }

  /** 404 for a namespaced create into a namespace that does not exist. */
  public static StatusException namespaceNotFound(String namespace) {
    return new StatusException(
        404,
        StatusReasons.NOT_FOUND,
        "namespaces \"" + namespace + "\" not found",
        new StatusDetails("", "namespaces", namespace, null));
  }

  /** 409: {@code pods "web" already exists}. */
  public static StatusException alreadyExists(ResourceType type, String name) {
    return new StatusException(
        409,
        StatusReasons.ALREADY_EXISTS,
        type.groupResource() + " \"" + name + "\" already exists",
        details(type, name));
  }

  /** 409: the write was based on a stale resourceVersion. */
  public static StatusException conflict(ResourceType type, String name) {
    return new StatusException(
        409,
        StatusReasons.CONFLICT,
        "Operation cannot be fulfilled on "
            + type.groupResource()
            + " \""
            + name
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again",
        details(type, name));
  }

  /** 409 with a message of its own, e.g. a binding of a pod that is already bound. */
  public static StatusException conflictWith(ResourceType type, String name, String why) {
    return new StatusException(
        409,
        StatusReasons.CONFLICT,
        "Operation cannot be fulfilled on " + type.groupResource() + " \"" + name + "\": " + why,
        details(type, name));
  }

  /** 409: a delete precondition did not hold. */
  public static StatusException preconditionFailed(ResourceType type, String name, String what) {
    return new StatusException(
        409,
        StatusReasons.CONFLICT,
        "Operation cannot be fulfilled on "
            + type.groupResource()
            + " \""
            + name
            + "\": Precondition failed: "
            + what,
        details(type, name));
  }

  /** 422: {@code Pod "web" is invalid: spec.containers[0].image: Required value}. */
  public static StatusException invalid(ResourceType type, String name, List<FieldError> errors) {
    String summary =
        errors.size() == 1
            ? errors.get(0).describe()
            : "[" + String.join(", ", errors.stream().map(FieldError::describe).toList()) + "]";
    List<Cause> causes =
        errors.stream().map(e -> new Cause(e.type(), e.message(), e.field())).toList();
    return new StatusException(
        422,
        StatusReasons.INVALID,
        type.kind() + " \"" + (name == null ? "" : name) + "\" is invalid: " + summary,
        new StatusDetails(type.group(), type.kind(), name, causes));
  }

  /** 422 for a well-formed patch that cannot be applied to the object. */
  public static StatusException unprocessablePatch(ResourceType type, String name, String why) {
    return new StatusException(
        422, StatusReasons.INVALID, why, new StatusDetails(type.group(), type.kind(), name, null));
  }

  /** 400 with a message. */
  public static StatusException badRequest(String message) {
    return new StatusException(400, StatusReasons.BAD_REQUEST, message);
  }

  /** 410: the resourceVersion asked for was compacted away. */
  public static StatusException expired(String message) {
    return new StatusException(410, StatusReasons.EXPIRED, message);
  }

  /** 403: creating content in a namespace that is being deleted. */
  public static StatusException namespaceTerminating(ResourceType type, String name, String ns) {
    return new StatusException(
        403,
        StatusReasons.FORBIDDEN,
        type.groupResource()
            + " \""
            + name
            + "\" is forbidden: unable to create new content in namespace "
            + ns
            + " because it is being terminated",
        details(type, name));
  }

  /** 405: the resource does not have this subresource or verb. */
  public static StatusException methodNotAllowed(String message) {
    return new StatusException(405, StatusReasons.METHOD_NOT_ALLOWED, message);
  }

  private static StatusDetails details(ResourceType type, String name) {
    return new StatusDetails(type.group(), type.resource(), name, null);
  }
}
