package io.pilothouse.dashboard;

import io.pilothouse.changefeed.ChangeAnnounced;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live updates: hears every committed change (the change feed's after-commit announcements, from
 * any control-plane instance) and pushes the changed resource's name to open dashboard pages over
 * the Faces WebSocket channel {@value #CHANNEL}; a page refreshes only the tables showing that
 * resource. Changes are coalesced per resource for {@value #COALESCE_MILLIS} ms so creating 10,000
 * pods sends a few messages, not 10,000.
 */
@ApplicationScoped
public class ChangePush {

  static final String CHANNEL = "changes";
  static final long COALESCE_MILLIS = 100;

  private static final Logger LOG = Logger.getLogger(ChangePush.class.getName());

  @Inject
  @Push(channel = CHANNEL)
  private PushContext channel;

  @Resource private ManagedScheduledExecutorService scheduler;

  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  void onChange(@Observes ChangeAnnounced announced) {
    String resource = announced.change().resource();
    if (pending.add(resource)) {
      scheduler.schedule(() -> send(resource), COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void send(String resource) {
    pending.remove(resource);
    try {
      channel.send(resource);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "could not push a change of " + resource, e);
    }
  }
}
