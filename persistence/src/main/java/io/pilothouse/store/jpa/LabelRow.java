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
 * One label of a live object in {@code ph_label}; label selectors become EXISTS and NOT EXISTS
 * subqueries here. The index on (key, value) lets the database start from the label. Written and
 * read with plain SQL by {@link IndexRows}; the entity only declares the table.
 */
@Entity
@IdClass(LabelRow.Id.class)
@Table(
    name = "ph_label",
    indexes = {@Index(name = "ph_label_ix", columnList = "lbl_key, lbl_value")})
public class LabelRow {

  @jakarta.persistence.Id
  @Column(name = "obj_id")
  private long objectId;

  @jakarta.persistence.Id
  @Column(name = "lbl_key", length = IndexedFields.MAX_LABEL_KEY)
  private String labelKey;

  @Column(name = "lbl_value", length = IndexedFields.MAX_LABEL_VALUE, nullable = false)
  private String labelValue;

  protected LabelRow() {}

  /** Composite primary key: the object id and the labelKey. */
  public static class Id implements Serializable {
    private static final long serialVersionUID = 1L;
    private long objectId;
    private String labelKey;

    public Id() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Id other
          && objectId == other.objectId
          && Objects.equals(labelKey, other.labelKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(objectId, labelKey);
    }
  }
}
