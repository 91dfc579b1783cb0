package io.pilothouse.registry;

/**
 * One write that {@link WriteBatcher} runs in a batch's transaction, after the batch's earlier
 * writes: a prepared create's store write, or a whole small registry call such as a binding. It
 * must refuse a client's mistake before it writes anything, or else leave the batch to roll back.
 */
public interface BatchedWrite {

  /** Writes through the batch's registry context; returns the answer and the revision it wrote. */
  Written write(RegistryContext ctx);

  /**
   * What a batched write answers and the revision its caller waits to be durable (the current one
   * when it wrote nothing).
   *
   * @param value what the registry call returns
   * @param revision the revision to wait for
   */
  record Written(Object value, long revision) {}
}
