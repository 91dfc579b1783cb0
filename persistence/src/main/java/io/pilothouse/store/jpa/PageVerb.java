package io.pilothouse.store.jpa;

import io.pilothouse.store.PageQuery;
import io.pilothouse.store.PageResult;
import io.pilothouse.store.StoredObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Page: one offset page of the objects of a resource for the dashboard's lazy tables, filtered and
 * sorted in SQL (namespaces, name fragment, selectors, one field among values; sort by name,
 * namespace, creation or a selectable field), with the total count for the paginator. Only the page
 * is read from the database, so a table over 10,000 pods decodes 50 of them.
 */
final class PageVerb {

  private static final String FIELD_VALUE =
      "COALESCE((SELECT f.fld_value FROM ph_field f WHERE f.obj_id = o.create_revision AND"
          + " f.fld_path = ?), '')";

  private final StoreContext ctx;
  private final SelectorSql selectors;

  PageVerb(StoreContext ctx) {
    this.ctx = ctx;
    this.selectors = new SelectorSql(ctx.dialect());
  }

  PageResult page(PageQuery query) {
    long revision = ctx.revisions().read(CounterRow.REVISION);
    SqlQuery count = where(select(query).start("COUNT(*)"), query);
    long total = ((Number) count.create(ctx.em(), null).getSingleResult()).longValue();
    if (query.limit() == 0 || total <= query.offset()) {
      return new PageResult(List.of(), total, revision);
    }
    List<ObjectRow> rows =
        query.sort().by().equals(PageQuery.Sort.NAMESPACE)
            ? rowsInKeyOrder(query)
            : rowsSortedById(query);
    List<StoredObject> items = rows.stream().map(ObjectRow::toStoredObject).toList();
    return new PageResult(items, total, revision);
  }

  /** Sorted by namespace and name: the key index's order, so H2 reads just the page. */
  private List<ObjectRow> rowsInKeyOrder(PageQuery query) {
    ObjectSelect select = select(query);
    SqlQuery page = where(select.start("o.*"), query);
    page.append(select.keyOrder(query.sort().descending()))
        .append(" LIMIT ? OFFSET ?", query.limit(), query.offset());
    return readOnlyRows(page);
  }

  /**
   * Any other order needs a sort over every matching row: sort only their ids, then read the bodies
   * of the page's rows, so 10,000 pods sort without 10,000 bodies being read.
   */
  private List<ObjectRow> rowsSortedById(PageQuery query) {
    SqlQuery ids = where(select(query).start("o.create_revision"), query);
    orderBy(ids, query.sort());
    ids.append(" LIMIT ? OFFSET ?", query.limit(), query.offset());
    List<Long> order =
        ((List<?>) ids.create(ctx.em(), null).getResultList())
            .stream().map(id -> ((Number) id).longValue()).toList();
    if (order.isEmpty()) {
      return List.of();
    }
    SqlQuery page =
        new SqlQuery().append("SELECT o.* FROM ph_object o WHERE o.create_revision IN ");
    page.appendList(order);
    Map<Long, ObjectRow> byId = new HashMap<>();
    readOnlyRows(page).forEach(row -> byId.put(row.createRevision(), row));
    return order.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @SuppressWarnings("unchecked")
  private List<ObjectRow> readOnlyRows(SqlQuery query) {
    return query
        .create(ctx.em(), ObjectRow.class)
        .setHint("eclipselink.read-only", "true")
        .getResultList();
  }

  private static ObjectSelect select(PageQuery query) {
    return ObjectSelect.of(
        query.group(), query.resource(), query.fieldSelector(), query.fieldIn(), null);
  }

  private SqlQuery where(SqlQuery q, PageQuery query) {
    if (!query.namespaces().isEmpty()) {
      q.append(" AND o.obj_namespace IN ").appendList(query.namespaces());
    }
    if (query.nameContains() != null) {
      q.append(" AND o.obj_name LIKE ? ESCAPE '\\'", "%" + likeEscaped(query.nameContains()) + "%");
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
