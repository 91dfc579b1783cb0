package io.pilothouse.controller.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The controller manager's and scheduler's MicroProfile Config settings: resync period, workers per
 * controller, and the leader-election Lease's duration, renew period and renew deadline.
 */
@ApplicationScoped
public class ControllerSettings {

  @Inject
  @ConfigProperty(name = "pilothouse.controllers.resync.seconds", defaultValue = "30")
  long resyncSeconds;

  @Inject
  @ConfigProperty(name = "pilothouse.controllers.workers", defaultValue = "2")
  int workers;

  @Inject
  @ConfigProperty(name = "pilothouse.leader.lease.seconds", defaultValue = "15")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "pilothouse.leader.renew.millis", defaultValue = "2000")
  long renewMillis;

  @Inject
  @ConfigProperty(name = "pilothouse.leader.renew-deadline.seconds", defaultValue = "10")
  long renewDeadlineSeconds;

  public Duration resyncPeriod() {
    return Duration.ofSeconds(resyncSeconds);
  }

  public int workers() {
    return workers;
  }

  public Duration leaseDuration() {
    return Duration.ofSeconds(leaseSeconds);
  }

  public Duration renewPeriod() {
    return Duration.ofMillis(renewMillis);
  }

  public Duration renewDeadline() {
    return Duration.ofSeconds(renewDeadlineSeconds);
  }
}
