package io.pilothouse.controller.runtime;

import io.pilothouse.scheduler.runtime.SchedulerService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The informers' periodic resync: every {@code pilothouse.controllers.resync.seconds} (default 30)
 * it enqueues every controller's keys and replays the full listing into the scheduler, so that a
 * lost change message delays a reconcile by at most one period. Does nothing on an instance that
 * does not lead.
 */
@Singleton
@Startup
public class ResyncTimer {

  @Resource private TimerService timers;
  @Inject private ControllerSettings settings;
  @Inject private ControllerManager controllers;
  @Inject private SchedulerService scheduler;

  @PostConstruct
  void schedule() {
    long period = settings.resyncPeriod().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("controller-resync", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void resync() {
    controllers.resync();
    scheduler.resync();
  }
}
