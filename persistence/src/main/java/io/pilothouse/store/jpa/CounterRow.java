package io.pilothouse.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named counter in {@code ph_counter}: {@code revision} is the store's global revision, locked by
 * every write until it commits; {@code compacted} is the newest revision compaction removed. The
 * entity defines the table and serves reads; writes lock and change it through {@link Revisions}.
 */
@Entity
@Table(name = "ph_counter")
public class CounterRow {

  static final String REVISION = "revision";
  static final String COMPACTED = "compacted";

  @Id
  @Column(name = "ctr_id", length = 32)
  private String id;

  @Column(name = "ctr_value", nullable = false)
  private long counterValue;

  protected CounterRow() {}
}
