package io.pilothouse.changefeed;

import io.pilothouse.infrastructure.ResourceNames;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces every committed store write on the change topic. It observes {@link StoreChange}s only
 * after their transaction succeeded, so a rolled-back write is never announced. A send that fails
 * is logged and dropped: consumers are level-triggered and a periodic resync repairs what a lost
 * message delays.
 */
@ApplicationScoped
public class ChangePublisher {

  private static final Logger LOG = Logger.getLogger(ChangePublisher.class.getName());

  @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Resource(lookup = ResourceNames.CHANGE_TOPIC)
  private Topic changeTopic;

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoreChange change) {
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(changeTopic)) {
      producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
      producer.send(ChangeMessages.toMessage(session, change));
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not announce change " + change + "; resync will cover it", e);
    }
  }
}
