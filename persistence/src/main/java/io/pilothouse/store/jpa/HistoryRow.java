package io.pilothouse.store.jpa;

import io.pilothouse.store.EventType;
import io.pilothouse.store.ObjectKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One {@code ph_history} row: an object's body as one write left it, and when. Each key keeps its
 * newest rows only (trimmed on write); rows of keys with no live object go when compaction passes
 * them.
 */
@Entity
@Table(
    name = "ph_history",
    indexes =
        @Index(
            name = "ph_history_key_ix",
            columnList = "obj_group, obj_resource, obj_namespace, obj_name, hist_revision"))
public class HistoryRow {

  @Id
  @Column(name = "hist_revision")
  private long revision;

  @Enumerated(EnumType.STRING)
  @Column(name = "evt_type", length = 8, nullable = false)
  private EventType eventType;

  @Column(name = "obj_group", length = KeyColumns.GROUP, nullable = false)
  private String apiGroup;

  @Column(name = "obj_resource", length = KeyColumns.RESOURCE, nullable = false)
  private String resource;

  @Column(name = "obj_namespace", length = KeyColumns.NAMESPACE, nullable = false)
  private String namespace;

  @Column(name = "obj_name", length = KeyColumns.NAME, nullable = false)
  private String name;

  @Column(name = "obj_body", length = KeyColumns.BODY, nullable = false)
  private String body;

  /**
   * Epoch milliseconds. A plain number: EclipseLink 4 maps {@code Instant} as a serialized Java
   * object, which cost a serialization per write and a deserialization per clone.
   */
  @Column(name = "hist_millis")
  private Long writtenAt;

  protected HistoryRow() {}

  HistoryRow(long revision, EventType type, ObjectKey key, String body) {
    this.revision = revision;
    this.eventType = type;
    this.apiGroup = key.group();
    this.resource = key.resource();
    this.namespace = key.namespace();
    this.name = key.name();
    this.body = body;
    this.writtenAt = System.currentTimeMillis();
  }
}
