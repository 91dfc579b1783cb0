package io.pilothouse.store.jpa;

/**
 * Compact: keeps the newest {@code keepRevisions} revisions of the event log, deletes the rest, and
 * records the compacted revision in {@code ph_counter}, where it survives restarts. Also drops the
 * history of deleted objects as old. Compactions serialise on the {@code compacted} counter row;
 * writers are not blocked.
 */
final class CompactVerb {

  private final StoreContext ctx;

  CompactVerb(StoreContext ctx) {
    this.ctx = ctx;
  }

  long compact(long keepRevisions) {
    if (keepRevisions < 0) {
      throw new IllegalArgumentException("keepRevisions must not be negative: " + keepRevisions);
    }
    Revisions.LockedCounter compacted = ctx.revisions().lock(CounterRow.COMPACTED);
    long target = ctx.revisions().read(CounterRow.REVISION) - keepRevisions;
    if (target <= compacted.value()) {
      return compacted.value();
    }
    ctx.eventLog().compact(target);
    ctx.history().compact(target);
    ctx.revisions().set(compacted, target);
    ctx.em().flush();
    return target;
  }
}
