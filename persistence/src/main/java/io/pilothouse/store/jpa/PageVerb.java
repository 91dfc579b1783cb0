package io.pilothouse.store.jpa;

import io.pilothouse.store.PageQuery;
import io.pilothouse.store.PageResult;
import io.pilothouse.store.StoredObject;
import java.util.List;
import java.util.Locale;

/**
 * Page: one offset page of the objects of a resource for the dashboard's lazy tables, filtered and
 * sorted in SQL (namespaces, name fragment, selectors, one field among values; sort by name,
 * namespace, creation or a selectable field), with the total count for the paginator. Only the page
 * is read from the database, so a table over 10,000 pods decodes 50 of them.
 */
final class PageVerb {

  private static final String SELECT_OBJECTS = "SELECT o.* FROM ph_object o";
  private static final String COUNT_OBJECTS = "SELECT COUNT(*) FROM ph_object o";
  private static final String FIELD_VALUE =
      "COALESCE((SELECT f.fld_value FROM ph_field f WHERE f.obj_id = o.create_revision AND"
          + " f.fld_path = ?), '')";
  private static final String FIELD_IN =
      " AND EXISTS (SELECT 1 FROM ph_field f WHERE f.obj_id = o.create_revision AND f.fld_path = ?"
          + " AND f.fld_value IN ";

  private final StoreContext ctx;
  private final SelectorSql selectors;

  PageVerb(StoreContext ctx) {
    this.ctx = ctx;
    this.selectors = new SelectorSql(ctx.dialect());
  }

  PageResult page(PageQuery query) {
    long revision = ctx.revisions().read(CounterRow.REVISION);
    SqlQuery count = where(new SqlQuery().append(COUNT_OBJECTS), query);
    long total = ((Number) count.create(ctx.em(), null).getSingleResult()).longValue();
    if (query.limit() == 0 || total <= query.offset()) {
      return new PageResult(List.of(), total, revision);
    }
    SqlQuery page = where(new SqlQuery().append(SELECT_OBJECTS), query);
    orderBy(page, query.sort());
    page.append(" LIMIT ? OFFSET ?", query.limit(), query.offset());
    @SuppressWarnings("unchecked")
    List<ObjectRow> rows = page.create(ctx.em(), ObjectRow.class).getResultList();
    List<StoredObject> items = rows.stream().map(ObjectRow::toStoredObject).toList();
    return new PageResult(items, total, revision);
  }

  private SqlQuery where(SqlQuery q, PageQuery query) {
    q.append(" WHERE o.obj_group = ? AND o.obj_resource = ?", query.group(), query.resource());
    if (!query.namespaces().isEmpty()) {
      q.append(" AND o.obj_namespace IN ").appendList(query.namespaces());
    }
    if (query.nameContains() != null) {
      q.append(" AND o.obj_name LIKE ? ESCAPE '\\'", "%" + likeEscaped(query.nameContains()) + "%");
    }
    if (query.fieldIn() != null) {
      q.append(FIELD_IN, query.fieldIn().path()).appendList(query.fieldIn().values()).append(")");
    }
    selectors.labels(q, query.labelSelector());
    selectors.fields(q, query.fieldSelector());
    return q;
  }

  private static void orderBy(SqlQuery q, PageQuery.Sort sort) {
    String direction = sort.descending() ? " DESC" : " ASC";
    switch (sort.by()) {
      case PageQuery.Sort.NAME ->
          q.append(" ORDER BY o.obj_name" + direction + ", o.obj_namespace");
      case PageQuery.Sort.NAMESPACE ->
          q.append(" ORDER BY o.obj_namespace" + direction + ", o.obj_name" + direction);
      case PageQuery.Sort.CREATED -> q.append(" ORDER BY o.create_revision" + direction);
      default ->
          q.append(
              " ORDER BY " + FIELD_VALUE + direction + ", o.obj_namespace, o.obj_name", sort.by());
    }
  }

  private static String likeEscaped(String fragment) {
    return fragment
        .toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_");
  }
}
