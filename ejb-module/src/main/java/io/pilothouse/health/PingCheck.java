package io.pilothouse.health;

import jakarta.enterprise.context.ApplicationScoped;

/** Upstream's {@code ping} check: the server answers at all. */
@ApplicationScoped
public class PingCheck implements HealthCheck {

  @Override
  public String name() {
    return "ping";
  }

  @Override
  public boolean liveness() {
    return true;
  }

  @Override
  public void check() {
    // answering is the check
  }
}
