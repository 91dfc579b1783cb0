package io.pilothouse.registry.patch;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;

/**
 * A patch the API server refuses, carried to the client as a Kubernetes {@code Status}. The {@link
 * Kind} decides the HTTP code, following kube-apiserver's {@code handlers/patch.go} wherever it
 * answers with a 4xx, and choosing a 4xx where upstream would answer 500 for a client's mistake:
 *
 * <ul>
 *   <li>{@link Kind#MALFORMED}, 400 {@code BadRequest}: the body is not JSON or not of the shape
 *       its patch type needs (an operation list, an object), names an unknown operation or {@code
 *       $patch} directive, has a bad JSON pointer, lacks a merge key, or its {@code
 *       $setElementOrder}, {@code $retainKeys} or {@code $deleteFromPrimitiveList} directives are
 *       not lists or contradict the patch. Upstream answers 400 for undecodable JSON patches and
 *       bad directive formats, 500 for the rest.
 *   <li>{@link Kind#UNPROCESSABLE}, 422 {@code Invalid}: a well-formed patch that does not fit the
 *       current object: a failed JSON Patch {@code test}, a path that does not exist, an index out
 *       of range, a list of lists, list elements of different types, a result that is not a JSON
 *       object. Upstream answers 422 for every JSON Patch that fails to apply and for lists of
 *       lists.
 *   <li>{@link Kind#TOO_LARGE}, 413 {@code RequestEntityTooLarge}: a JSON Patch of more than
 *       {@value #MAX_JSON_PATCH_OPERATIONS} operations, as upstream.
 * </ul>
 */
public final class PatchException extends StatusException {

  private static final long serialVersionUID = 1L;

  /**
   * The most operations one JSON Patch may hold, as kube-apiserver's {@code
   * maxJSONPatchOperations}.
   */
  public static final int MAX_JSON_PATCH_OPERATIONS = 10_000;

  /** Why a patch was refused; each kind maps to one HTTP code and Status reason. */
  public enum Kind {
    /** The patch itself is wrong, whatever object it is applied to. */
    MALFORMED(400, StatusReasons.BAD_REQUEST),
    /** The patch is well formed but cannot be applied to the current object. */
    UNPROCESSABLE(422, StatusReasons.INVALID),
    /** The patch has too many operations. */
    TOO_LARGE(413, StatusReasons.REQUEST_ENTITY_TOO_LARGE);

    private final int code;
    private final String reason;

    Kind(int code, String reason) {
      this.code = code;
      this.reason = reason;
    }

    public int code() {
      return code;
    }

    public String reason() {
      return reason;
    }
  }

  private final Kind kind;

  public PatchException(Kind kind, String message) {
    super(kind.code(), kind.reason(), message);
    this.kind = kind;
  }

  static PatchException malformed(String message) {
    return new PatchException(Kind.MALFORMED, message);
  }

  static PatchException unprocessable(String message) {
    return new PatchException(Kind.UNPROCESSABLE, message);
  }

  public Kind kind() {
    return kind;
  }
}
