package io.pilothouse.changefeed;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of {@link StoreChange}s on the change topic: one text message per resource and
 * sender batch, whose properties name the resource (so that consumers can subscribe with selectors
 * such as {@code resource = 'pods'}) and the highest revision it carries, and whose body holds one
 * line per change, in commit order: type, namespace, name and revision, tab-separated. One message
 * per change cost the broker and the message-driven bean a dispatch each, ~0.1 ms of CPU per write
 * at a thousand writes a second (2026-11-29); a batch costs one.
 */
public final class ChangeMessages {

  public static final String GROUP = "group";
  public static final String RESOURCE = "resource";
  public static final String REVISION = "revision";

  /** The changes of one resource in a sender batch: what one message carries. */
  public record Batch(String group, String resource, long revision, String body) {}

  private ChangeMessages() {}

  /** The messages announcing {@code changes}: one per (group, resource), in first-seen order. */
  public static List<Message> toMessages(Session session, List<StoreChange> changes)
      throws JMSException {
    List<Message> messages = new ArrayList<>();
    for (Batch batch : batches(changes)) {
      TextMessage message = session.createTextMessage(batch.body());
      message.setStringProperty(GROUP, batch.group());
      message.setStringProperty(RESOURCE, batch.resource());
      message.setLongProperty(REVISION, batch.revision());
      messages.add(message);
    }
    return messages;
  }

  /**
   * Reads the changes a message announces.
   *
   * @throws JMSException when it is not a change message
   */
  public static List<StoreChange> fromMessage(Message message) throws JMSException {
    if (!(message instanceof TextMessage text) || text.getText() == null) {
      throw new JMSException("not a change message: " + message);
    }
    try {
      return changes(
          message.getStringProperty(GROUP), message.getStringProperty(RESOURCE), text.getText());
    } catch (IllegalArgumentException malformed) {
      throw new JMSException(malformed.getMessage());
    }
  }

  /** {@code changes} grouped by (group, resource), in first-seen order, each with its body. */
  static List<Batch> batches(List<StoreChange> changes) {
    Map<List<String>, List<StoreChange>> byResource = new LinkedHashMap<>();
    for (StoreChange change : changes) {
      byResource
          .computeIfAbsent(List.of(change.group(), change.resource()), k -> new ArrayList<>())
          .add(change);
    }
    List<Batch> batches = new ArrayList<>(byResource.size());
    for (Map.Entry<List<String>, List<StoreChange>> entry : byResource.entrySet()) {
      StringBuilder body = new StringBuilder();
      long highest = 0;
      for (StoreChange change : entry.getValue()) {
        body.append(change.type().name())
            .append('\t')
            .append(change.namespace() == null ? "" : change.namespace())
            .append('\t')
            .append(change.name())
            .append('\t')
            .append(change.revision())
            .append('\n');
        highest = Math.max(highest, change.revision());
      }
      batches.add(
          new Batch(entry.getKey().get(0), entry.getKey().get(1), highest, body.toString()));
    }
    return batches;
  }

  /**
   * The changes of one batch's body.
   *
   * @throws IllegalArgumentException for a line that is not a change
   */
  static List<StoreChange> changes(String group, String resource, String body) {
    List<StoreChange> changes = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 4) {
        throw new IllegalArgumentException("malformed change line: " + line);
      }
      changes.add(
          new StoreChange(
              group,
              resource,
              fields[1],
              fields[2],
              Long.parseLong(fields[3]),
              ChangeType.valueOf(fields[0])));
    }
    return changes;
  }
}
