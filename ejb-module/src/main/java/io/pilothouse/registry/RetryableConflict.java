package io.pilothouse.registry;

import io.pilothouse.api.StatusException;

/**
 * A 409 on a write that named no resourceVersion (a patch, a delete without a precondition): it
 * expresses an intent, not a full state, so the registry retries it in a new transaction on fresh
 * data, as upstream's GuaranteedUpdate does, instead of answering the client with the conflict.
 */
public final class RetryableConflict extends StatusException {
  private static final long serialVersionUID = 1L;

  private RetryableConflict(StatusException conflict) {
    super(conflict.code(), conflict.reason(), conflict.getMessage(), conflict.details());
  }

  /** The exception to throw for {@code e}: retryable if it is a conflict and nothing was pinned. */
  static StatusException of(StatusException e, boolean pinned) {
    boolean conflict = e.code() == 409 && "Conflict".equals(e.reason());
    return conflict && !pinned ? new RetryableConflict(e) : e;
  }
}
