package io.pilothouse.store.jpa;

import io.pilothouse.store.IndexedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One selectable field of a live object in {@code ph_field} (path such as {@code spec.nodeName} and
 * its value); field selectors other than {@code metadata.name} and {@code metadata.namespace}
 * become subqueries here. Written and read with plain SQL by {@link IndexRows}; the entity only
 * declares the table.
 */
@Entity
@IdClass(FieldRow.Id.class)
@Table(
    name = "ph_field",
    indexes = {@Index(name = "ph_field_ix", columnList = "fld_path, fld_value")})
public class FieldRow {

  @jakarta.persistence.Id
  @Column(name = "obj_id")
  private long objectId;

  @jakarta.persistence.Id
  @Column(name = "fld_path", length = IndexedFields.MAX_FIELD_PATH)
  private String path;

  @Column(name = "fld_value", length = IndexedFields.MAX_FIELD_VALUE, nullable = false)
  private String fieldValue;

  protected FieldRow() {}

  /** Composite primary key: the object id and the path. */
  public static class Id implements Serializable {
    private static final long serialVersionUID = 1L;
    private long objectId;
    private String path;

    public Id() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Id other
          && objectId == other.objectId
          && Objects.equals(path, other.path);
    }

    @Override
    public int hashCode() {
      return Objects.hash(objectId, path);
    }
  }
}
