package io.pilothouse.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change topic's wire form: a batch per resource, read back change by change. */
class ChangeMessagesTest {

  /** A session whose only use here is making text messages that keep text and properties. */
  private static Session session() {
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("createTextMessage")) {
                throw new UnsupportedOperationException(method.getName());
              }
              return textMessage((String) args[0]);
            });
  }

  private static TextMessage textMessage(String text) {
    Map<String, Object> properties = new HashMap<>();
    return (TextMessage)
        Proxy.newProxyInstance(
            TextMessage.class.getClassLoader(),
            new Class<?>[] {TextMessage.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getText" -> text;
                  case "setStringProperty", "setLongProperty" ->
                      properties.put((String) args[0], args[1]);
                  case "getStringProperty" -> (String) properties.get(args[0]);
                  case "getLongProperty" -> (Long) properties.get(args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static StoreChange change(
      String resource, String ns, String name, long rev, ChangeType t) {
    return new StoreChange(
        resource.equals("deployments") ? "apps" : "", resource, ns, name, rev, t);
  }

  @Test
  void aBatchBecomesOneMessagePerResourceAndReadsBackInCommitOrder() throws JMSException {
    List<StoreChange> batch =
        List.of(
            change("pods", "default", "a", 7, ChangeType.ADDED),
            change("deployments", "default", "web", 8, ChangeType.MODIFIED),
            change("pods", "default", "b", 9, ChangeType.ADDED),
            change("nodes", "", "node-1", 10, ChangeType.DELETED),
            change("pods", "kube-system", "a", 11, ChangeType.MODIFIED));

    List<Message> messages = ChangeMessages.toMessages(session(), batch);

    assertThat(messages).hasSize(3);
    assertThat(messages.get(0).getStringProperty(ChangeMessages.RESOURCE)).isEqualTo("pods");
    assertThat(messages.get(0).getLongProperty(ChangeMessages.REVISION)).isEqualTo(11);
    assertThat(messages.get(1).getStringProperty(ChangeMessages.GROUP)).isEqualTo("apps");
    List<StoreChange> read = new ArrayList<>();
    for (Message message : messages) {
      read.addAll(ChangeMessages.fromMessage(message));
    }
    assertThat(read)
        .containsExactly(batch.get(0), batch.get(2), batch.get(4), batch.get(1), batch.get(3));
  }

  @Test
  void aMessageThatIsNotAChangeBatchIsRefused() {
    assertThatThrownBy(() -> ChangeMessages.fromMessage(textMessage("ADDED\tns\n")))
        .isInstanceOf(JMSException.class)
        .hasMessageContaining("malformed change line");
  }
}
