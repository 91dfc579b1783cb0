package io.pilothouse.controller.runtime;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.ObjectClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Upstream's leader election over a {@code coordination.k8s.io/v1} Lease: {@link
 * #tryAcquireOrRenew} (called every renew period) creates the Lease, renews it while this instance
 * holds it, or takes it over once its holder has not renewed it for {@code leaseDurationSeconds} as
 * observed by this instance's own clock (so clocks of different instances need not agree). This
 * instance leads while its last successful renewal is younger than the renew deadline; callbacks
 * run on each transition. All writes go through the object client, guarded by resourceVersion, so
 * two instances racing for the Lease cannot both win.
 */
public final class LeaderElector {

  private static final Logger LOG = Logger.getLogger(LeaderElector.class.getName());

  private final ObjectClient client;
  private final Clock clock;
  private final String namespace;
  private final String name;
  private final String identity;
  private final Duration leaseDuration;
  private final Duration renewDeadline;
  private final Runnable onStartedLeading;
  private final Runnable onStoppedLeading;

  private String observedRecord;
  private Instant observedAt = Instant.MIN;
  private Instant lastRenewal = Instant.MIN;
  private boolean leading;

  public LeaderElector(
      ObjectClient client,
      Clock clock,
      String namespace,
      String name,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Runnable onStartedLeading,
      Runnable onStoppedLeading) {
    this.client = client;
    this.clock = clock;
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
    this.renewDeadline = renewDeadline;
    this.onStartedLeading = onStartedLeading;
    this.onStoppedLeading = onStoppedLeading;
  }

  /** One election round; returns whether this instance leads afterwards. */
  public synchronized boolean tryAcquireOrRenew() {
    Instant now = clock.instant();
    try {
      if (attempt(now)) {
        lastRenewal = now;
      }
    } catch (StatusException e) {
      LOG.fine(() -> "lease " + namespace + "/" + name + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warning("lease " + namespace + "/" + name + " could not be renewed: " + e);
    }
    boolean leadsNow = Duration.between(lastRenewal, now).compareTo(renewDeadline) < 0;
    transition(leadsNow);
    return leadsNow;
  }

  /** Whether this instance held the lease at its last round. */
  public synchronized boolean isLeader() {
    return leading;
  }

  /** Stops leading (at shutdown) without waiting for the lease to expire for others. */
  public synchronized void release() {
    if (leading) {
      client
          .get(Lease.class, namespace, name)
          .filter(lease -> identity.equals(lease.getSpec().getHolderIdentity()))
          .ifPresent(
              lease -> {
                lease.getSpec().setHolderIdentity(null);
                lease.getSpec().setLeaseDurationSeconds(1);
                client.update(lease);
              });
    }
    lastRenewal = Instant.MIN;
    transition(false);
  }

  /** Stops leading without touching the Lease, which then expires for the next leader. */
  public synchronized void stepDown() {
    lastRenewal = Instant.MIN;
    transition(false);
  }

  private boolean attempt(Instant now) {
    Optional<Lease> current = client.get(Lease.class, namespace, name);
    if (current.isEmpty()) {
      client.create(newLease(now));
      return true;
    }
    Lease lease = current.get();
    LeaseSpec spec = lease.getSpec() == null ? new LeaseSpec() : lease.getSpec();
    String record = recordOf(spec);
    if (!Objects.equals(record, observedRecord)) {
      observedRecord = record;
      observedAt = now;
    }
    boolean mine = identity.equals(spec.getHolderIdentity());
    boolean expired =
        spec.getHolderIdentity() == null
            || spec.getHolderIdentity().isEmpty()
            || !observedAt.plus(durationOf(spec)).isAfter(now);
    if (!mine && !expired) {
      return false;
    }
    ZonedDateTime stamp = time(now);
    if (!mine) {
      spec.setAcquireTime(stamp);
      spec.setLeaseTransitions(
          spec.getLeaseTransitions() == null ? 1 : spec.getLeaseTransitions() + 1);
    }
    spec.setHolderIdentity(identity);
    spec.setLeaseDurationSeconds((int) leaseDuration.toSeconds());
    spec.setRenewTime(stamp);
    lease.setSpec(spec);
    Lease written = client.update(lease);
    observedRecord = recordOf(written.getSpec());
    observedAt = now;
    return true;
  }

  private Lease newLease(Instant now) {
    return new LeaseBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity(identity)
        .withLeaseDurationSeconds((int) leaseDuration.toSeconds())
        .withAcquireTime(time(now))
        .withRenewTime(time(now))
        .withLeaseTransitions(0)
        .endSpec()
        .build();
  }

  private Duration durationOf(LeaseSpec spec) {
    return spec.getLeaseDurationSeconds() == null
        ? leaseDuration
        : Duration.ofSeconds(spec.getLeaseDurationSeconds());
  }

  private static String recordOf(LeaseSpec spec) {
    return spec.getHolderIdentity() + "|" + spec.getRenewTime() + "|" + spec.getLeaseTransitions();
  }

  private static ZonedDateTime time(Instant now) {
    return now.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
  }

  private void transition(boolean leadsNow) {
    if (leadsNow == leading) {
      return;
    }
    leading = leadsNow;
    LOG.info(() -> identity + (leadsNow ? " became" : " stopped being") + " leader of " + name);
    (leadsNow ? onStartedLeading : onStoppedLeading).run();
  }
}
