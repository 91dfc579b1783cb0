package io.pilothouse.controller.runtime;

import io.pilothouse.changefeed.ChangeAnnounced;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ObjectClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * kube-controller-manager: discovers every CDI {@link Controller} bean, gives each a {@link
 * ControllerLoop}, and while this instance holds the controller-manager Lease dispatches each
 * announced change to the controllers watching its resource ({@code keysFor} on a dispatcher
 * thread, never on the change feed's listener) and periodically enqueues every controller's {@code
 * allKeys}. Losing the Lease stops the workers; winning it starts them with a full resync.
 */
@ApplicationScoped
public class ControllerManager {

  private static final Logger LOG = Logger.getLogger(ControllerManager.class.getName());

  @Inject @Any private Instance<Controller> controllers;
  @Inject private RegistryObjectClient client;
  @Inject private RegistryEventRecorder events;
  @Inject private ControllerSettings settings;
  @Resource private ManagedThreadFactory threads;

  private final List<ControllerLoop> loops = new ArrayList<>();
  private final ChangeDispatcher dispatcher =
      new ChangeDispatcher("controller-manager-dispatch", this::dispatch);
  private volatile boolean leading;

  @PostConstruct
  void discover() {
    ControllerContext context = new ControllerContext(client, events, Clock.systemUTC());
    for (Controller controller : controllers) {
      loops.add(
          new ControllerLoop(
              controller, new WorkQueue<>(Clock.systemUTC(), RateLimiter.DEFAULT.copy()), context));
    }
    LOG.info(() -> "controllers: " + loops.stream().map(loop -> loop.controller().name()).toList());
  }

  void onChange(@Observes ChangeAnnounced announced) {
    if (leading) {
      dispatcher.offer(announced.change());
    }
  }

  /** Called when this instance wins the controller-manager Lease. */
  public synchronized void startLeading() {
    leading = true;
    dispatcher.start(threads);
    loops.forEach(loop -> loop.start(threads, settings.workers()));
    // off the election timer's thread: listing every controller's keys must not delay renewals
    threads.newThread(this::resync).start();
  }

  /** Called when this instance loses the Lease (or shuts down). */
  @PreDestroy
  public synchronized void stopLeading() {
    leading = false;
    dispatcher.stop();
    loops.forEach(ControllerLoop::stop);
  }

  public boolean isLeading() {
    return leading;
  }

  /** Enqueues every key of every controller (the periodic resync). */
  public void resync() {
    if (!leading) {
      return;
    }
    for (ControllerLoop loop : loops) {
      try {
        loop.enqueue(loop.controller().allKeys(client));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "resync of " + loop.controller().name() + " failed", e);
      }
    }
  }

  /** The running loops, for health and the dashboard. */
  public List<ControllerLoop> loops() {
    return List.copyOf(loops);
  }

  private void dispatch(StoreChange change) {
    ObjectClient reader = client;
    for (ControllerLoop loop : loops) {
      Controller controller = loop.controller();
      if (!controller.watchedResources().contains(change.resource())) {
        continue;
      }
      try {
        loop.enqueue(controller.keysFor(change, reader));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, controller.name() + " could not map " + change, e);
      }
    }
  }
}
