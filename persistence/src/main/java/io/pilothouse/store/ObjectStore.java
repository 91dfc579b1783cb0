package io.pilothouse.store;

import java.util.List;
import java.util.Optional;

/**
 * The store that stands where etcd stands in Kubernetes: objects under keys, one global revision
 * that every write advances, an event log of every change for watches, and compaction that keeps
 * that log bounded. Bodies are opaque JSON strings; whatever must be selected on arrives as {@link
 * IndexedFields}.
 *
 * <p>Every method runs in the caller's transaction and begins none itself. A write that throws
 * leaves the transaction to be rolled back; a rolled-back write leaves no trace and no revision
 * gap. Revisions are taken under a lock held to commit, so writes commit in revision order and a
 * reader of {@link #eventsAfter(long, int)} never sees a later revision before an earlier one.
 */
public interface ObjectStore {

  /**
   * Stores a new object at the next revision.
   *
   * @throws AlreadyExistsException if the key is taken
   */
  StoredObject create(ObjectKey key, String uid, String body, IndexedFields fields);

  /**
   * As {@link #create}, for a caller that rolls its whole transaction back when this fails (a batch
   * of creates, where one lookup per key would cost more than the rare taken key): the key is not
   * looked up first, so a taken key is found by the key's unique index only when the row is
   * written, after the write has taken its revision.
   *
   * @throws AlreadyExistsException if the key is taken; the transaction must then roll back
   */
  StoredObject createUnchecked(ObjectKey key, String uid, String body, IndexedFields fields);

  /**
   * Takes the lock every write takes, for the rest of the transaction: what the caller reads next
   * stays true until it commits (used to allocate unique values, such as service cluster IPs, from
   * the objects stored). Taking it again in the same transaction is harmless.
   */
  void lockWrites();

  /** The object under a key, if any. */
  Optional<StoredObject> get(ObjectKey key);

  /**
   * Replaces an object's body and indexed fields at the next revision.
   *
   * @param expectedModRevision the revision the caller read (its resourceVersion), or {@code 0} for
   *     an unconditional update
   * @throws NotFoundException if the key is not stored
   * @throws ConflictException if the stored revision differs from the expected one
   */
  StoredObject update(ObjectKey key, long expectedModRevision, String body, IndexedFields fields);

  /**
   * Removes an object at the next revision and returns its last state with that revision as its
   * {@code modRevision}.
   *
   * @throws NotFoundException if the key is not stored
   * @throws ConflictException if {@code expectedModRevision} is not 0 and differs from the stored
   *     one
   */
  StoredObject delete(ObjectKey key, long expectedModRevision);

  /**
   * One page of the objects of a resource, ordered by namespace and name.
   *
   * @throws InvalidContinueTokenException if the continue token is malformed
   * @throws RevisionCompactedException if the continue token's revision has been compacted
   */
  ListResult list(ListQuery query);

  /**
   * One offset page of a resource's objects, filtered and sorted in SQL, with the total count: what
   * a lazy table shows.
   *
   * @throws InvalidSelectorException if a selector names something that cannot be selected
   */
  PageResult page(PageQuery query);

  /** The revision of the last committed write (0 for an empty store). */
  long currentRevision();

  /** The newest revision whose events compaction removed (0 if never compacted). */
  long compactedRevision();

  /**
   * Up to {@code max} events with a revision above {@code revision}, in revision order.
   *
   * @throws RevisionCompactedException if {@code revision < compactedRevision()}
   */
  List<StoreEvent> eventsAfter(long revision, int max);

  /**
   * Drops event-log rows more than {@code keepRevisions} behind the current revision (and the
   * history of deleted objects as old) and records the new compacted revision.
   *
   * @return the compacted revision after the call
   */
  long compact(long keepRevisions);

  /** The object's last revisions kept in the history table, newest first, at most {@code max}. */
  List<ObjectRevision> history(ObjectKey key, int max);
}
