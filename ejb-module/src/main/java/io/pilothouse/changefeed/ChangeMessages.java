package io.pilothouse.changefeed;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * The wire form of a {@link StoreChange} on the change topic: an empty message whose properties
 * carry the key, revision and type, so that consumers can subscribe with selectors such as {@code
 * resource = 'pods'}.
 */
public final class ChangeMessages {

  public static final String GROUP = "group";
  public static final String RESOURCE = "resource";
  public static final String NAMESPACE = "namespace";
  public static final String NAME = "name";
  public static final String REVISION = "revision";
  public static final String TYPE = "type";

  private ChangeMessages() {}

  /** Builds the message announcing this change. */
  public static Message toMessage(Session session, StoreChange change) throws JMSException {
    Message message = session.createMessage();
    message.setStringProperty(GROUP, change.group());
    message.setStringProperty(RESOURCE, change.resource());
    message.setStringProperty(NAMESPACE, change.namespace());
    message.setStringProperty(NAME, change.name());
    message.setLongProperty(REVISION, change.revision());
    message.setStringProperty(TYPE, change.type().name());
    return message;
  }

  /** Reads the change a message announces. */
  public static StoreChange fromMessage(Message message) throws JMSException {
    return new StoreChange(
        message.getStringProperty(GROUP),
        message.getStringProperty(RESOURCE),
        message.getStringProperty(NAMESPACE),
        message.getStringProperty(NAME),
        message.getLongProperty(REVISION),
        ChangeType.valueOf(message.getStringProperty(TYPE)));
  }
}
