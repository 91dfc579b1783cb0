package io.pilothouse.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One owner reference of a live object in {@code ph_owner}: the garbage collector finds an owner's
 * dependents through the index on the owner uid. Written and read with plain SQL by {@link
 * IndexRows}; the entity only declares the table.
 */
@Entity
@IdClass(OwnerRow.Id.class)
@Table(
    name = "ph_owner",
    indexes = {@Index(name = "ph_owner_ix", columnList = "owner_uid")})
public class OwnerRow {

  @jakarta.persistence.Id
  @Column(name = "obj_id")
  private long objectId;

  @jakarta.persistence.Id
  @Column(name = "owner_uid", length = KeyColumns.UID)
  private String ownerUid;

  protected OwnerRow() {}

  /** Composite primary key: the object id and the owner uid. */
  public static class Id implements Serializable {
    private static final long serialVersionUID = 1L;
    private long objectId;
    private String ownerUid;

    public Id() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Id other
          && objectId == other.objectId
          && Objects.equals(ownerUid, other.ownerUid);
    }

    @Override
    public int hashCode() {
      return Objects.hash(objectId, ownerUid);
    }
  }
}
