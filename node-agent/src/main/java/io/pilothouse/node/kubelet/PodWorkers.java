package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.node.runtime.PodSandboxStatus;
import io.pilothouse.node.runtime.RuntimeEventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One {@link PodWorker} per pod bound to this node, run on a shared pool so that a pod's syncs
 * never overlap: pod events from the watch, runtime events (a container exited) and each worker's
 * own wake-up time all end in the same {@link #wake(String)}.
 */
public final class PodWorkers implements RuntimeEventListener {

  private static final Logger LOG = Logger.getLogger(PodWorkers.class.getName());

  private final PodWorkerContext ctx;
  private final ScheduledExecutorService timers;
  private final Executor pool;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final PodWorker worker;
    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean dirty = new AtomicBoolean();
    volatile ScheduledFuture<?> timer;

    Slot(PodWorker worker) {
      this.worker = worker;
    }
  }

  public PodWorkers(PodWorkerContext ctx, ScheduledExecutorService timers, Executor pool) {
    this.ctx = ctx;
    this.timers = timers;
    this.pool = pool;
    ctx.runtime().setEventListener(this);
  }

  /** A pod bound to this node was added or changed. */
  public void upsert(Pod pod) {
    String uid = pod.getMetadata().getUid();
    Slot slot = slots.computeIfAbsent(uid, u -> new Slot(new PodWorker(pod, ctx)));
    slot.worker.update(pod);
    wake(uid);
  }

  /** A pod bound to this node disappeared from the API. */
  public void deleted(Pod pod) {
    Slot slot = slots.get(pod.getMetadata().getUid());
    if (slot != null) {
      slot.worker.markGone();
      wake(pod.getMetadata().getUid());
    }
  }

  @Override
  public void podChanged(String podUid) {
    wake(podUid);
  }

  /** Runs the pod's worker now, or right after its current sync. */
  public void wake(String uid) {
    Slot slot = slots.get(uid);
    if (slot == null) {
      return;
    }
    slot.dirty.set(true);
    if (slot.running.compareAndSet(false, true)) {
      pool.execute(() -> run(uid, slot));
    }
  }

  private void run(String uid, Slot slot) {
    Instant next;
    try {
      do {
        slot.dirty.set(false);
        next = slot.worker.sync();
      } while (slot.dirty.get() && !slot.worker.finished());
    } catch (RuntimeException e) {
      LOG.warning("sync of pod " + slot.worker.key() + " failed: " + e + "; retrying in 5s");
      next = ctx.clock().instant().plusSeconds(5);
    } finally {
      slot.running.set(false);
    }
    if (slot.worker.finished()) {
      slots.remove(uid, slot);
      return;
    }
    if (slot.dirty.get() && slot.running.compareAndSet(false, true)) {
      pool.execute(() -> run(uid, slot));
      return;
    }
    schedule(uid, slot, next);
  }

  private void schedule(String uid, Slot slot, Instant next) {
    ScheduledFuture<?> old = slot.timer;
    if (old != null) {
      old.cancel(false);
    }
    if (next == null) {
      return;
    }
    long delay = Math.max(0, Duration.between(ctx.clock().instant(), next).toMillis());
    slot.timer = timers.schedule(() -> wake(uid), delay, TimeUnit.MILLISECONDS);
  }

  /** After the first full pod list: removes sandboxes of pods that are no longer ours. */
  public void removeOrphanSandboxes(Set<String> knownUids) {
    for (PodSandboxStatus s : ctx.runtime().listPodSandboxes()) {
      if (!knownUids.contains(s.uid())) {
        LOG.info(
            "removing sandbox of pod "
                + s.namespace()
                + "/"
                + s.name()
                + ", no longer bound to this node");
        ctx.runtime().removePodSandbox(s.id());
      }
    }
  }

  public Optional<PodWorker> find(String namespace, String name) {
    return slots.values().stream()
        .map(s -> s.worker)
        .filter(
            w ->
                namespace.equals(w.pod().getMetadata().getNamespace())
                    && name.equals(w.pod().getMetadata().getName()))
        .findFirst();
  }

  public Collection<String> podUids() {
    return slots.keySet();
  }

  public int size() {
    return slots.size();
  }

  public PodWorkerContext context() {
    return ctx;
  }
}
