package io.pilothouse.store.jpa;

import io.pilothouse.store.EventType;
import io.pilothouse.store.ObjectKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One {@code ph_event} row: the change made at one revision (the primary key), with the object
 * after and before it and the encoded indexed fields of both, so watches with selectors keep their
 * enter/leave semantics across a restart. Compaction deletes the oldest rows.
 */
@Entity
@Table(name = "ph_event")
public class EventRow {

  @Id
  @Column(name = "evt_revision")
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

  @Column(name = "obj_uid", length = KeyColumns.UID, nullable = false)
  private String uid;

  @Column(name = "obj_body", length = KeyColumns.BODY, nullable = false)
  private String body;

  @Column(name = "prev_body", length = KeyColumns.BODY)
  private String prevBody;

  @Column(name = "obj_indexed", length = KeyColumns.BODY)
  private String indexed;

  @Column(name = "prev_indexed", length = KeyColumns.BODY)
  private String prevIndexed;

  protected EventRow() {}

  EventRow(long revision, EventType type, ObjectKey key, String uid, Bodies bodies) {
    this.revision = revision;
    this.eventType = type;
    this.apiGroup = key.group();
    this.resource = key.resource();
    this.namespace = key.namespace();
    this.name = key.name();
    this.uid = uid;
    this.body = bodies.body();
    this.prevBody = bodies.prevBody();
    this.indexed = bodies.indexed();
    this.prevIndexed = bodies.prevIndexed();
  }

  /** The object state a change leaves behind and the one it replaced (encoded indexed fields). */
  record Bodies(String body, String prevBody, String indexed, String prevIndexed) {}
}
