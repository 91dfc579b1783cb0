package io.pilothouse.registry;

/**
 * What became of one write of a batch that committed: what it wrote, or the client error that
 * refused it before it wrote anything (the batch's other writes committed all the same).
 *
 * @param written what it answers and the revision it wrote, or null when refused
 * @param refusal why it was refused, or null when written
 */
public record WriteOutcome(BatchedWrite.Written written, RuntimeException refusal) {

  static WriteOutcome written(BatchedWrite.Written written) {
    return new WriteOutcome(written, null);
  }

  static WriteOutcome refused(RuntimeException refusal) {
    return new WriteOutcome(null, refusal);
  }
}
