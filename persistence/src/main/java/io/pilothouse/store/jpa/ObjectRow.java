package io.pilothouse.store.jpa;

import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The {@code ph_object} row of one live object, the store's counterpart of an etcd key. Its id is
 * the revision that created it, unique because every write takes its own revision; the key columns
 * are unique together and their index also serves ordered lists. {@code obj_indexed} keeps the
 * encoded {@link io.pilothouse.store.IndexedFields} so an update can log the previous ones without
 * reading the side tables.
 */
@Entity
@Table(
    name = "ph_object",
    indexes = {
      @Index(
          name = "ph_object_key_ix",
          columnList = "obj_group, obj_resource, obj_namespace, obj_name",
          unique = true),
      @Index(name = "ph_object_uid_ix", columnList = "obj_uid")
    })
public class ObjectRow {

  @Id
  @Column(name = "create_revision")
  private long createRevision;

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

  @Column(name = "obj_indexed", length = KeyColumns.BODY)
  private String indexed;

  @Column(name = "mod_revision", nullable = false)
  private long modRevision;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  protected ObjectRow() {}

  ObjectRow(ObjectKey key, String uid, String body, String indexed, long revision) {
    this.createRevision = revision;
    this.apiGroup = key.group();
    this.resource = key.resource();
    this.namespace = key.namespace();
    this.name = key.name();
    this.uid = uid;
    this.body = body;
    this.indexed = indexed;
    this.modRevision = revision;
  }

  /** Records a new body and indexed fields written at {@code revision}. */
  void write(String newBody, String newIndexed, long revision) {
    this.body = newBody;
    this.indexed = newIndexed;
    this.modRevision = revision;
  }

  long createRevision() {
    return createRevision;
  }

  long modRevision() {
    return modRevision;
  }

  String uid() {
    return uid;
  }

  String body() {
    return body;
  }

  String indexed() {
    return indexed == null ? "" : indexed;
  }

  /** False for rows written before {@code obj_indexed} existed: their index rows are unrecorded. */
  boolean recordsIndexed() {
    return indexed != null;
  }

  ObjectKey key() {
    return new ObjectKey(apiGroup, resource, namespace, name);
  }

  StoredObject toStoredObject() {
    return new StoredObject(key(), uid, body, createRevision, modRevision);
  }
}
