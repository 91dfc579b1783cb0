package io.pilothouse.changefeed;

import io.pilothouse.infrastructure.ResourceNames;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Announces every committed store write on the change topic. It observes {@link StoreChange}s only
 * after their transaction succeeded, so a rolled-back write is never announced, and hands them to
 * one sender thread that publishes them outside any transaction, in commit order, over a long-lived
 * connection: what waits when it wakes goes out as one message per resource ({@link
 * ChangeMessages}). A send that fails is logged and dropped: consumers are level-triggered and a
 * periodic resync repairs what a lost message delays.
 */
@ApplicationScoped
public class ChangePublisher {

  private static final Logger LOG = Logger.getLogger(ChangePublisher.class.getName());
  private static final int MAX_PENDING = 100_000;
  private static final int BATCH = 500;

  /**
   * How long the sender lets changes gather after the first one before it publishes them: a write
   * group's changes arrive one by one, and without the pause nearly every message carried one.
   * Nothing waits for the topic on this instance (the watch cache and the controllers are fed in
   * process), and the dashboard's push coalesces for 100 ms anyway.
   */
  private static final long LINGER_MILLIS = 10;

  @Resource private ManagedThreadFactory threads;

  private final LinkedBlockingQueue<StoreChange> pending = new LinkedBlockingQueue<>(MAX_PENDING);
  private volatile boolean running = true;
  private Thread sender;

  @PostConstruct
  void start() {
    sender = threads.newThread(this::sendLoop);
    sender.setName("pilothouse-change-publisher");
    sender.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    sender.interrupt();
  }

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoreChange change) {
    if (!pending.offer(change)) {
      LOG.warning("change feed backlog full; dropping " + change + "; resync will cover it");
    }
  }

  private void sendLoop() {
    while (running) {
      try (Connection connection =
              lookup(ResourceNames.CONNECTION_FACTORY, ConnectionFactory.class).createConnection();
          Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
          MessageProducer producer =
              session.createProducer(lookup(ResourceNames.CHANGE_TOPIC, Topic.class))) {
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        sendUntilFailure(session, producer);
      } catch (JMSException | NamingException | RuntimeException e) {
        LOG.log(Level.WARNING, "change feed connection failed; reconnecting", e);
        pause();
      }
    }
  }

  private void sendUntilFailure(Session session, MessageProducer producer) throws JMSException {
    List<StoreChange> batch = new ArrayList<>(BATCH);
    while (running) {
      StoreChange first;
      try {
        first = pending.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (first == null) {
        continue;
      }
      batch.add(first);
      linger();
      pending.drainTo(batch, BATCH - 1);
      for (Message message : ChangeMessages.toMessages(session, batch)) {
        producer.send(message);
      }
      batch.clear();
    }
  }

  /**
   * Looked up by the sender thread rather than injected: on a full server the application's JMS
   * resources are bound after the web module's beans may already be created.
   */
  private static <T> T lookup(String name, Class<T> type) throws NamingException {
    return type.cast(new InitialContext().lookup(name));
  }

  private void linger() {
    try {
      Thread.sleep(LINGER_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
