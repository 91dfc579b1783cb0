package io.pilothouse.store.jpa;

import io.pilothouse.store.IndexedFields;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an object's labels, selectable fields and owner uids into the side tables {@code
 * ph_label}, {@code ph_field} and {@code ph_owner} with plain SQL, so the rows never become managed
 * entities of the caller's persistence context: one multi-row INSERT per table (H2 and PostgreSQL
 * both take {@code VALUES (..), (..)}). The statements run with flush mode COMMIT: no entity maps
 * these tables, so the pending changes of the unit of work need not be flushed before them.
 *
 * <p>Rows are deleted by their whole primary key (object id and label key, field path or owner
 * uid), named by the indexed fields they were written from ({@code obj_indexed}), so no index leads
 * with the object id alone: each such index cost a B-tree insert for every row written, a quarter
 * of a row's cost (2026-11-29). {@link #RETIRED_INDEXES} are dropped from older databases.
 */
final class IndexRows {

  private static final String INSERT_LABELS = "INSERT INTO ph_label (obj_id, lbl_key, lbl_value)";
  private static final String INSERT_FIELDS = "INSERT INTO ph_field (obj_id, fld_path, fld_value)";
  private static final String INSERT_OWNERS = "INSERT INTO ph_owner (obj_id, owner_uid)";
  private static final String DELETE_LABELS = "DELETE FROM ph_label WHERE obj_id = ?";
  private static final String DELETE_FIELDS = "DELETE FROM ph_field WHERE obj_id = ?";
  private static final String DELETE_OWNERS = "DELETE FROM ph_owner WHERE obj_id = ?";
  private static final String DELETE_LABEL =
      "DELETE FROM ph_label WHERE lbl_key = ? AND obj_id = ?";
  private static final String DELETE_FIELD =
      "DELETE FROM ph_field WHERE fld_path = ? AND obj_id = ?";

  /** Indexes on the object id alone that earlier versions created; dropped at startup. */
  static final List<String> RETIRED_INDEXES =
      List.of("ph_label_obj_ix", "ph_field_obj_ix", "ph_owner_obj_ix");

  private final EntityManager em;

  IndexRows(EntityManager em) {
    this.em = em;
  }

  void insert(long objectId, IndexedFields fields) {
    insertPairs(INSERT_LABELS, objectId, fields.labels(), true);
    insertPairs(INSERT_FIELDS, objectId, fields.fields(), false);
    insertOwners(objectId, fields.ownerUids());
  }

  private void insertOwners(long objectId, List<String> owners) {
    if (!owners.isEmpty()) {
      Query insert = nativeQuery(INSERT_OWNERS + values(owners.size(), 2));
      int p = 1;
      for (String owner : owners) {
        insert.setParameter(p++, objectId).setParameter(p++, owner);
      }
      insert.executeUpdate();
    }
  }

  /** Deletes the index rows of an object being deleted. */
  void deleteOf(ObjectRow row) {
    if (row.recordsIndexed()) {
      delete(row.createRevision(), IndexedFieldsCodec.decode(row.indexed()));
    } else {
      deleteAll(row.createRevision());
    }
  }

  /**
   * Brings an object's index rows from what its row records to {@code fields} ({@code encoded}, as
   * the row will record it); nothing when they are unchanged. Call before the row is rewritten.
   */
  void rewrite(ObjectRow row, IndexedFields fields, String encoded) {
    if (!row.recordsIndexed()) {
      deleteAll(row.createRevision());
      insert(row.createRevision(), fields);
    } else if (!encoded.equals(row.indexed())) {
      replace(row.createRevision(), IndexedFieldsCodec.decode(row.indexed()), fields);
    }
  }

  /**
   * Deletes the rows an object's indexed fields {@code old} were written as: one statement per
   * table, {@code obj_id = ? AND key IN (...)}, which both databases answer from the primary key.
   */
  private void delete(long objectId, IndexedFields old) {
    deleteKeys("ph_label", "lbl_key", objectId, old.labels().keySet());
    deleteKeys("ph_field", "fld_path", objectId, old.fields().keySet());
    deleteKeys("ph_owner", "owner_uid", objectId, old.ownerUids());
  }

  private void deleteKeys(String table, String keyColumn, long objectId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    Query delete =
        nativeQuery(
            "DELETE FROM "
                + table
                + " WHERE obj_id = ? AND "
                + keyColumn
                + " IN ("
                + "?, ".repeat(keys.size() - 1)
                + "?)");
    delete.setParameter(1, objectId);
    int p = 2;
    for (String key : keys) {
      delete.setParameter(p++, key);
    }
    delete.executeUpdate();
  }

  /**
   * Deletes all of an object's rows by its id alone, for rows whose object does not record its
   * indexed fields (written before {@code obj_indexed} existed): a scan of each table, without an
   * index that leads with the id.
   */
  private void deleteAll(long objectId) {
    for (String sql : new String[] {DELETE_LABELS, DELETE_FIELDS, DELETE_OWNERS}) {
      nativeQuery(sql).setParameter(1, objectId).executeUpdate();
    }
  }

  /**
   * Rewrites an object's index rows from {@code old} to {@code fields}, touching only the labels,
   * fields and owners that changed (a binding changes one field of a pod's ten, a status update one
   * or two): each row costs an insert into every index of its table.
   */
  private void replace(long objectId, IndexedFields old, IndexedFields fields) {
    replacePairs(DELETE_LABEL, INSERT_LABELS, objectId, old.labels(), fields.labels(), true);
    replacePairs(DELETE_FIELD, INSERT_FIELDS, objectId, old.fields(), fields.fields(), false);
    if (!old.ownerUids().equals(fields.ownerUids())) {
      deleteKeys("ph_owner", "owner_uid", objectId, old.ownerUids());
      insertOwners(objectId, fields.ownerUids());
    }
  }

  private void replacePairs(
      String deleteOne,
      String insertInto,
      long objectId,
      Map<String, String> old,
      Map<String, String> pairs,
      boolean keepEmpty) {
    for (Map.Entry<String, String> before : old.entrySet()) {
      if (!before.getValue().equals(pairs.get(before.getKey()))) {
        nativeQuery(deleteOne)
            .setParameter(1, before.getKey())
            .setParameter(2, objectId)
            .executeUpdate();
      }
    }
    Map<String, String> added = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      if (!pair.getValue().equals(old.get(pair.getKey()))) {
        added.put(pair.getKey(), pair.getValue());
      }
    }
    insertPairs(insertInto, objectId, added, keepEmpty);
  }

  /**
   * One multi-row INSERT of {@code pairs}; with {@code keepEmpty} false, pairs with an empty value
   * get no row. Field selectors read a missing field as {@code ""} ({@link SelectorSql}), so a
   * field's empty value needs no row: a pending pod has three (node name, pod IP, nominated node),
   * a third of its field rows. Labels keep theirs: an empty label value still means the label
   * exists. A row for an empty value left by an earlier version is deleted when its value changes,
   * like any other.
   */
  private void insertPairs(
      String insertInto, long objectId, Map<String, String> pairs, boolean keepEmpty) {
    List<Map.Entry<String, String>> rows =
        pairs.entrySet().stream().filter(e -> keepEmpty || !e.getValue().isEmpty()).toList();
    if (rows.isEmpty()) {
      return;
    }
    Query insert = nativeQuery(insertInto + values(rows.size(), 3));
    int p = 1;
    for (Map.Entry<String, String> pair : rows) {
      insert
          .setParameter(p++, objectId)
          .setParameter(p++, pair.getKey())
          .setParameter(p++, pair.getValue());
    }
    insert.executeUpdate();
  }

  private Query nativeQuery(String sql) {
    return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
  }

  /** {@code VALUES (?, ?), (?, ?)} for {@code rows} rows of {@code columns} columns. */
  static String values(int rows, int columns) {
    String row = "(" + "?, ".repeat(columns - 1) + "?)";
    StringBuilder sql = new StringBuilder(" VALUES ").append(row);
    for (int i = 1; i < rows; i++) {
      sql.append(", ").append(row);
    }
    return sql.toString();
  }
}
