package io.pilothouse.store.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/** A native SQL statement under construction: its text and its positional parameters. */
final class SqlQuery {

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  SqlQuery append(String text) {
    sql.append(text);
    return this;
  }

  /** Appends text holding one {@code ?} per given parameter. */
  SqlQuery append(String text, Object... parameters) {
    sql.append(text);
    params.addAll(List.of(parameters));
    return this;
  }

  /** Appends {@code (?, ?, ...)} for the values. */
  SqlQuery appendList(List<?> values) {
    sql.append('(');
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      params.add(values.get(i));
    }
    sql.append(')');
    return this;
  }

  Query create(EntityManager em, Class<?> resultClass) {
    Query query =
        resultClass == null
            ? em.createNativeQuery(sql.toString())
            : em.createNativeQuery(sql.toString(), resultClass);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return query;
  }

  SqlQuery copy() {
    SqlQuery copy = new SqlQuery();
    copy.sql.append(sql);
    copy.params.addAll(params);
    return copy;
  }

  @Override
  public String toString() {
    return sql + " " + params;
  }
}
