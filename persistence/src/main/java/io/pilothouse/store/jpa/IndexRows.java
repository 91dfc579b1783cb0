package io.pilothouse.store.jpa;

import io.pilothouse.store.IndexedFields;
import jakarta.persistence.EntityManager;
import java.util.Map;

/**
 * Writes an object's labels, selectable fields and owner uids into the side tables {@code
 * ph_label}, {@code ph_field} and {@code ph_owner} with plain SQL, so the rows never become managed
 * entities of the caller's persistence context.
 */
final class IndexRows {

  private static final String INSERT_LABEL =
      "INSERT INTO ph_label (obj_id, lbl_key, lbl_value) VALUES (?, ?, ?)";
  private static final String INSERT_FIELD =
      "INSERT INTO ph_field (obj_id, fld_path, fld_value) VALUES (?, ?, ?)";
  private static final String INSERT_OWNER =
      "INSERT INTO ph_owner (obj_id, owner_uid) VALUES (?, ?)";
  private static final String DELETE_LABELS = "DELETE FROM ph_label WHERE obj_id = ?";
  private static final String DELETE_FIELDS = "DELETE FROM ph_field WHERE obj_id = ?";
  private static final String DELETE_OWNERS = "DELETE FROM ph_owner WHERE obj_id = ?";

  private final EntityManager em;

  IndexRows(EntityManager em) {
    this.em = em;
  }

  void insert(long objectId, IndexedFields fields) {
    insertPairs(INSERT_LABEL, objectId, fields.labels());
    insertPairs(INSERT_FIELD, objectId, fields.fields());
    for (String owner : fields.ownerUids()) {
      em.createNativeQuery(INSERT_OWNER)
          .setParameter(1, objectId)
          .setParameter(2, owner)
          .executeUpdate();
    }
  }

  void delete(long objectId) {
    for (String sql : new String[] {DELETE_LABELS, DELETE_FIELDS, DELETE_OWNERS}) {
      em.createNativeQuery(sql).setParameter(1, objectId).executeUpdate();
    }
  }

  void replace(long objectId, IndexedFields fields) {
    delete(objectId);
    insert(objectId, fields);
  }

  private void insertPairs(String sql, long objectId, Map<String, String> pairs) {
    pairs.forEach(
        (k, v) ->
            em.createNativeQuery(sql)
                .setParameter(1, objectId)
                .setParameter(2, k)
                .setParameter(3, v)
                .executeUpdate());
  }
}
