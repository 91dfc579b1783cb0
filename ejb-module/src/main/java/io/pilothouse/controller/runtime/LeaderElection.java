package io.pilothouse.controller.runtime;

import io.pilothouse.scheduler.runtime.SchedulerService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Runs this instance's two leader elections, as kube-controller-manager and kube-scheduler each run
 * theirs: the Leases {@code kube-system/kube-controller-manager} and {@code
 * kube-system/kube-scheduler}, renewed by an EJB interval timer (default every 2 s, duration 15 s,
 * renew deadline 10 s). The controllers run only while the first is held, the scheduler only while
 * the second is. Released at undeploy so a successor need not wait for expiry; at a JVM shutdown
 * the Leases are left to expire (the database may already be going away), and the controllers and
 * scheduler are just stopped.
 */
@Singleton
@Startup
@DependsOn("SystemNamespaces")
public class LeaderElection {

  /** The namespace of both Leases. */
  public static final String NAMESPACE = "kube-system";

  public static final String CONTROLLER_MANAGER = "kube-controller-manager";
  public static final String SCHEDULER = "kube-scheduler";

  @Resource private TimerService timers;
  @Inject private RegistryObjectClient client;
  @Inject private ControllerSettings settings;
  @Inject private ControllerManager controllers;
  @Inject private SchedulerService scheduler;

  private LeaderElector controllerManagerElector;
  private LeaderElector schedulerElector;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    controllerManagerElector =
        elector(CONTROLLER_MANAGER, controllers::startLeading, controllers::stopLeading);
    schedulerElector = elector(SCHEDULER, scheduler::startLeading, scheduler::stopLeading);
    long period = settings.renewPeriod().toMillis();
    timers.createIntervalTimer(0, period, new TimerConfig("leader-election", false));
  }

  private LeaderElector elector(String name, Runnable started, Runnable stopped) {
    return new LeaderElector(
        client,
        Clock.systemUTC(),
        NAMESPACE,
        name,
        InstanceIdentity.ID,
        settings.leaseDuration(),
        settings.renewDeadline(),
        started,
        stopped);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void renew() {
    controllerManagerElector.tryAcquireOrRenew();
    schedulerElector.tryAcquireOrRenew();
  }

  @PreDestroy
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void release() {
    boolean jvmExiting = JvmShutdown.inProgress();
    for (LeaderElector elector : new LeaderElector[] {controllerManagerElector, schedulerElector}) {
      try {
        if (jvmExiting) {
          elector.stepDown();
        } else {
          elector.release();
        }
      } catch (RuntimeException e) {
        // Shutting down: the Lease then expires for the next leader.
      }
    }
  }

  /** Whether this instance runs the controllers. */
  public boolean leadsControllers() {
    return controllerManagerElector.isLeader();
  }

  /** Whether this instance runs the scheduler. */
  public boolean leadsScheduler() {
    return schedulerElector.isLeader();
  }
}
