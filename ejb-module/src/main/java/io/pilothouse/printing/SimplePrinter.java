package io.pilothouse.printing;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * A printer given as its columns and a cell function, for the kinds whose row is a field or a count
 * between NAME and AGE: Namespace, ConfigMap, Secret, ServiceAccount, Lease, and the default table
 * of kinds without their own columns.
 */
record SimplePrinter(List<Column> columns, BiFunction<JsonNode, Instant, List<Object>> cellFunction)
    implements KindPrinter {

  @Override
  public List<Object> cells(JsonNode object, Instant now) {
    return cellFunction.apply(object, now);
  }

  /** NAME, STATUS (the phase), AGE. */
  static SimplePrinter namespace() {
    return new SimplePrinter(
        List.of(
            Column.nameColumn(),
            Column.of("Status", "string", "The status of the namespace"),
            Column.ageColumn()),
        (ns, now) ->
            List.of(Fields.name(ns), Fields.text(ns, "status", "phase"), Timestamps.age(ns, now)));
  }

  /** NAME, DATA (keys in {@code data} and {@code binaryData}), AGE. */
  static SimplePrinter configMap() {
    return new SimplePrinter(
        List.of(
            Column.nameColumn(),
            Column.of("Data", "string", Descriptions.CONFIG_MAP_DATA),
            Column.ageColumn()),
        (cm, now) ->
            List.of(
                Fields.name(cm),
                (long) (Fields.size(cm, "data") + Fields.size(cm, "binaryData")),
                Timestamps.age(cm, now)));
  }

  /** NAME, TYPE, DATA (keys, {@code stringData} merged into {@code data} as on write), AGE. */
  static SimplePrinter secret() {
    return new SimplePrinter(
        List.of(
            Column.nameColumn(),
            Column.of("Type", "string", Descriptions.SECRET_TYPE),
            Column.of("Data", "string", Descriptions.SECRET_DATA),
            Column.ageColumn()),
        (secret, now) ->
            List.of(
                Fields.name(secret),
                Fields.text(secret, "type"),
                (long) secretKeys(secret),
                Timestamps.age(secret, now)));
  }

  /** NAME, SECRETS (the number of listed secrets), AGE. */
  static SimplePrinter serviceAccount() {
    return new SimplePrinter(
        List.of(
            Column.nameColumn(),
            Column.of("Secrets", "string", Descriptions.SERVICE_ACCOUNT_SECRETS),
            Column.ageColumn()),
        (sa, now) ->
            List.of(Fields.name(sa), (long) Fields.size(sa, "secrets"), Timestamps.age(sa, now)));
  }

  /** NAME, HOLDER ({@code spec.holderIdentity}), AGE. */
  static SimplePrinter lease() {
    return new SimplePrinter(
        List.of(
            Column.nameColumn(),
            Column.of("Holder", "string", Descriptions.LEASE_HOLDER_IDENTITY),
            Column.ageColumn()),
        (lease, now) ->
            List.of(
                Fields.name(lease),
                Fields.text(lease, "spec", "holderIdentity"),
                Timestamps.age(lease, now)));
  }

  /**
   * kube-apiserver's default table for kinds without printers: NAME and "Created At", an RFC 3339
   * timestamp typed {@code date}.
   */
  static SimplePrinter defaultTable() {
    return new SimplePrinter(
        List.of(
            Column.nameColumn(),
            new Column("Created At", "date", "", Descriptions.CREATION_TIMESTAMP, 0)),
        (object, now) -> List.of(Fields.name(object), Timestamps.createdAt(object)));
  }

  private static int secretKeys(JsonNode secret) {
    TreeSet<String> keys = new TreeSet<>(Fields.at(secret, "data").propertyNames());
    keys.addAll(Fields.at(secret, "stringData").propertyNames());
    return keys.size();
  }
}
