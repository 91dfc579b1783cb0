package io.pilothouse.registry;

import jakarta.ejb.ApplicationException;

/**
 * Thrown out of a batch's transaction, rolling all of it back, when one of its writes failed after
 * it had begun writing (so that failure cannot be told apart from the batch's other writes): the
 * {@link WriteBatcher} then runs each write of the batch again, in a transaction of its own. An
 * application exception, so the container rolls back without logging a system failure.
 */
@ApplicationException(rollback = true)
public class WriteBatchRolledBack extends RuntimeException {

  private static final long serialVersionUID = 1L;

  WriteBatchRolledBack(RuntimeException cause) {
    super("a write of the batch failed part-way; the batch was rolled back", cause);
  }
}
