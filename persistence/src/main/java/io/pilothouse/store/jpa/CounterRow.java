package io.pilothouse.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A named counter in {@code ph_counter}: {@code revision} is the store's global revision, locked by
 * every write until it commits; {@code compacted} is the newest revision compaction removed.
 */
@Entity
@Table(name = "ph_counter")
@NamedQuery(
    name = CounterRow.LOCK,
    query = "SELECT c FROM CounterRow c WHERE c.id = :id",
    lockMode = LockModeType.PESSIMISTIC_WRITE)
public class CounterRow {

  static final String REVISION = "revision";
  static final String COMPACTED = "compacted";

  /**
   * {@code SELECT ... FOR UPDATE} of one counter, as a named query so EclipseLink prepares its SQL
   * once; {@code find} with a lock mode rebuilt and re-parsed the statement on every write.
   */
  static final String LOCK = "CounterRow.lock";

  @Id
  @Column(name = "ctr_id", length = 32)
  private String id;

  @Column(name = "ctr_value", nullable = false)
  private long counterValue;

  protected CounterRow() {}

  CounterRow(String id, long value) {
    this.id = id;
    this.counterValue = value;
  }

  long value() {
    return counterValue;
  }

  void value(long newValue) {
    this.counterValue = newValue;
  }
}
