package io.pilothouse.store.jpa;

import io.pilothouse.store.FieldRequirement;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.LabelRequirement;
import io.pilothouse.store.LabelSelector;

/**
 * Turns label and field selectors into SQL conditions on the object row {@code o}: EXISTS and NOT
 * EXISTS subqueries on {@code ph_label} and {@code ph_field}, plain comparisons for {@code
 * metadata.name} and {@code metadata.namespace}. The semantics are those of {@link
 * LabelSelector#matches} and {@link FieldSelector#matches}: a missing label fails {@code =} and
 * passes {@code !=}; a missing field reads as {@code ""}.
 */
final class SelectorSql {

  private static final String LABEL_ROW =
      "SELECT 1 FROM ph_label l WHERE l.obj_id = o.create_revision AND l.lbl_key = ?";
  private static final String FIELD_ROW =
      "SELECT 1 FROM ph_field f WHERE f.obj_id = o.create_revision AND f.fld_path = ?";
  private static final String OWNER_ROW =
      "SELECT 1 FROM ph_owner w WHERE w.obj_id = o.create_revision AND w.owner_uid = ?";

  private final SqlDialect dialect;

  SelectorSql(SqlDialect dialect) {
    this.dialect = dialect;
  }

  void labels(SqlQuery q, LabelSelector selector) {
    for (LabelRequirement r : selector.requirements()) {
      label(q, r);
    }
  }

  private void label(SqlQuery q, LabelRequirement r) {
    switch (r.operator()) {
      case EXISTS -> q.append(" AND EXISTS (" + LABEL_ROW + ")", r.key());
      case DOES_NOT_EXIST -> q.append(" AND NOT EXISTS (" + LABEL_ROW + ")", r.key());
      case IN, EQUALS, DOUBLE_EQUALS ->
          q.append(" AND EXISTS (" + LABEL_ROW + " AND l.lbl_value IN ", r.key())
              .appendList(r.values())
              .append(")");
      case NOT_IN, NOT_EQUALS ->
          q.append(" AND NOT EXISTS (" + LABEL_ROW + " AND l.lbl_value IN ", r.key())
              .appendList(r.values())
              .append(")");
      case GREATER_THAN, LESS_THAN -> {
        String op = r.operator() == LabelRequirement.Operator.GREATER_THAN ? " > " : " < ";
        q.append(
            " AND EXISTS ("
                + LABEL_ROW
                + " AND "
                + dialect.integerOrNull("l.lbl_value")
                + op
                + "?)",
            r.key(),
            r.threshold());
      }
    }
  }

  void fields(SqlQuery q, FieldSelector selector) {
    for (FieldRequirement r : selector.requirements()) {
      field(q, r);
    }
  }

  private static void field(SqlQuery q, FieldRequirement r) {
    String compare = r.isEquality() ? " = ?" : " <> ?";
    switch (r.field()) {
      case FieldSelector.METADATA_NAME -> q.append(" AND o.obj_name" + compare, r.value());
      case FieldSelector.METADATA_NAMESPACE ->
          q.append(" AND o.obj_namespace" + compare, r.value());
      default -> indexedField(q, r);
    }
  }

  /**
   * {@code path=v} needs a row with value v, {@code path!=v} needs none; against {@code ""} the
   * test flips to "no row / a row with a non-empty value", since a missing field reads as empty.
   */
  private static void indexedField(SqlQuery q, FieldRequirement r) {
    boolean empty = r.value().isEmpty();
    boolean exists = r.isEquality() != empty;
    String prefix = exists ? " AND EXISTS (" : " AND NOT EXISTS (";
    if (empty) {
      q.append(prefix + FIELD_ROW + " AND f.fld_value <> '')", r.field());
    } else {
      q.append(prefix + FIELD_ROW + " AND f.fld_value = ?)", r.field(), r.value());
    }
  }

  static void owner(SqlQuery q, String ownerUid) {
    if (ownerUid != null) {
      q.append(" AND EXISTS (" + OWNER_ROW + ")", ownerUid);
    }
  }
}
