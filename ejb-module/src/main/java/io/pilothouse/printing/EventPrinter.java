package io.pilothouse.printing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get events}: LAST SEEN, TYPE, REASON, OBJECT ({@code kind/name} in lower case),
 * MESSAGE; wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME. Events recorded through the
 * newer API (an {@code eventTime} and a {@code series} instead of timestamps and a count) print the
 * same way.
 */
final class EventPrinter implements KindPrinter {

  private static final List<Column> COLUMNS =
      List.of(
          Column.of("Last Seen", "string", Descriptions.EVENT_LAST_TIMESTAMP),
          Column.of("Type", "string", Descriptions.EVENT_TYPE),
          Column.of("Reason", "string", Descriptions.EVENT_REASON),
          Column.of("Object", "string", Descriptions.EVENT_INVOLVED_OBJECT),
          Column.wide("Subobject", "string", Descriptions.EVENT_FIELD_PATH),
          Column.wide("Source", "string", Descriptions.EVENT_SOURCE),
          Column.of("Message", "string", Descriptions.EVENT_MESSAGE),
          Column.wide("First Seen", "string", Descriptions.EVENT_FIRST_TIMESTAMP),
          Column.wide("Count", "string", Descriptions.EVENT_COUNT),
          new Column("Name", "string", "name", Descriptions.NAME, 1));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode event, Instant now) {
    String firstSeen = firstSeen(event, now);
    String lastSeen =
        Fields.time(event, "lastTimestamp") == null
            ? firstSeen
            : Timestamps.since(Fields.time(event, "lastTimestamp"), now);
    long count = Fields.number(event, "count");
    if (Fields.present(event, "series")) {
      lastSeen = Timestamps.since(Fields.time(event, "series", "lastObservedTime"), now);
      count = Fields.number(event, "series", "count");
    } else if (count == 0) {
      count = 1;
    }
    return List.of(
        lastSeen,
        Fields.text(event, "type"),
        Fields.text(event, "reason"),
        target(Fields.at(event, "involvedObject")),
        Fields.text(event, "involvedObject", "fieldPath"),
        source(event),
        Fields.text(event, "message").strip(),
        firstSeen,
        count,
        Fields.name(event));
  }

  private static String firstSeen(JsonNode event, Instant now) {
    Instant first = Fields.time(event, "firstTimestamp");
    return Timestamps.since(first != null ? first : Fields.time(event, "eventTime"), now);
  }

  /** {@code kind/name} of the involved object, the kind in lower case. */
  private static String target(JsonNode involved) {
    String kind = Fields.text(involved, "kind").toLowerCase(Locale.ROOT);
    String name = Fields.text(involved, "name");
    return name.isEmpty() ? kind : kind + "/" + name;
  }

  /** {@code component, host}, falling back to the reporting controller and instance. */
  private static String source(JsonNode event) {
    String component =
        firstNonEmpty(
            Fields.text(event, "source", "component"), Fields.text(event, "reportingComponent"));
    String instance =
        firstNonEmpty(
            Fields.text(event, "source", "host"), Fields.text(event, "reportingInstance"));
    return instance.isEmpty() ? component : component + ", " + instance;
  }

  private static String firstNonEmpty(String first, String second) {
    return first.isEmpty() ? second : first;
  }
}
