package io.pilothouse.changefeed;

import io.pilothouse.infrastructure.ResourceNames;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Subscribes this control-plane instance to the change topic and turns each message back into an
 * in-process {@link ChangeAnnounced} event, so that the watch cache and the controllers hear of
 * writes committed by any instance.
 *
 * <p>Messages are taken without a transaction: the feed is a hint (consumers read the truth from
 * the store, and a resync covers a lost message), so the default container-managed transaction
 * bought nothing but an XA commit with the broker for every message — at a thousand writes a
 * second, a tenth of a core and a journal write per message (2026-11-29).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = ResourceNames.CHANGE_TOPIC_PHYSICAL_NAME)
    })
public class ChangeFeedConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(ChangeFeedConsumer.class.getName());

  @Inject private Event<ChangeAnnounced> announced;

  @Override
  public void onMessage(Message message) {
    try {
      for (StoreChange change : ChangeMessages.fromMessage(message)) {
        announced.fire(new ChangeAnnounced(change));
      }
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, "dropping unreadable change message " + message, e);
    }
  }
}
