package io.pilothouse.health;

import io.pilothouse.infrastructure.ResourceNames;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/** Readiness of the message broker that carries the change feed. */
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

  @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Override
  public String name() {
    return "broker";
  }

  @Override
  public void check() throws JMSException {
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      session.createProducer(null).close();
    }
  }
}
