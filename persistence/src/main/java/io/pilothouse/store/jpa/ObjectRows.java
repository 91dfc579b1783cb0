package io.pilothouse.store.jpa;

import io.pilothouse.store.ObjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** Looks up the {@code ph_object} row of a key, always reading the database's current state. */
final class ObjectRows {

  /** EclipseLink's hint to overwrite an already managed instance with the row just read. */
  private static final String REFRESH_HINT = "eclipselink.refresh";

  private static final String KEY_MATCH =
      "o.apiGroup = :g AND o.resource = :r AND o.namespace = :ns AND o.name = :n";

  private static final String EXISTS_FOR_UPDATE =
      "SELECT create_revision FROM ph_object WHERE obj_group = ? AND obj_resource = ? AND"
          + " obj_namespace = ? AND obj_name = ? FOR UPDATE";

  private final EntityManager em;

  ObjectRows(EntityManager em) {
    this.em = em;
  }

  /** The row as last committed, for reading. */
  Optional<ObjectRow> find(ObjectKey key) {
    return query(key).getResultList().stream().findFirst();
  }

  /**
   * The row as last committed, locked until the transaction ends ({@code SELECT ... FOR UPDATE}).
   * Writers already hold the revision lock; locking the row as well guarantees they read the newest
   * version even on H2, whose commit can wake the next lock holder before a plain read sees the
   * previous writer's rows.
   */
  Optional<ObjectRow> findForUpdate(ObjectKey key) {
    return query(key).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream()
        .findFirst();
  }

  /**
   * Whether the key has a row, read as {@link #findForUpdate} reads it but without loading the row
   * (plain SQL, no entity, no body): what a create asks under the revision lock.
   */
  boolean existsForUpdate(ObjectKey key) {
    return !em.createNativeQuery(EXISTS_FOR_UPDATE)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, key.group())
        .setParameter(2, key.resource())
        .setParameter(3, key.namespace())
        .setParameter(4, key.name())
        .getResultList()
        .isEmpty();
  }

  /**
   * Fails fast, before the revision lock is taken, when the stored revision is already newer than
   * the caller's: a stale writer then never queues behind the lock. Anything else is left to the
   * check under the lock, since this read may lag behind a commit in progress.
   */
  void failIfNewerThan(ObjectKey key, long expectedModRevision) {
    if (expectedModRevision == 0) {
      return;
    }
    List<Long> stored =
        bind(
                em.createQuery(
                    "SELECT o.modRevision FROM ObjectRow o WHERE " + KEY_MATCH, Long.class),
                key)
            .getResultList();
    if (!stored.isEmpty() && stored.get(0) > expectedModRevision) {
      throw JpaObjectStore.conflict(key, null);
    }
  }

  private TypedQuery<ObjectRow> query(ObjectKey key) {
    return bind(
            em.createQuery("SELECT o FROM ObjectRow o WHERE " + KEY_MATCH, ObjectRow.class), key)
        .setHint(REFRESH_HINT, "true");
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> query, ObjectKey key) {
    return query
        .setParameter("g", key.group())
        .setParameter("r", key.resource())
        .setParameter("ns", key.namespace())
        .setParameter("n", key.name());
  }
}
