/**
 * kube-scheduler for Pilothouse, as plain Java driven by the control plane.
 *
 * <p>{@link io.pilothouse.scheduler.Scheduler} is the facade: the change feed's consumer hands it
 * the current state of changed pods, nodes and namespaces ({@code podChanged}, {@code podDeleted},
 * {@code nodeChanged}, …), and a loop or timer calls {@code scheduleOne()} while it returns
 * bindings, then again at {@code nextWakeUp()}. Its collaborators live in {@code spi}: the {@code
 * Binder} (posts {@code pods/binding}), {@code SchedulerEvents} ({@code Scheduled}, {@code
 * FailedScheduling}) and {@code PodConditionUpdater} ({@code PodScheduled=False}).
 *
 * <p>Inside: {@code queue} (activeQ / backoffQ / unschedulable pods), {@code cache} (nodes, bound
 * and assumed pods, incremental snapshots), {@code framework} (extension points, registry, profile,
 * the scheduling cycle, {@code FitError}) and {@code plugins} (one package per plugin, named and
 * weighted as upstream's default profile).
 *
 * <p>Decisions: no preemption is implemented, but the {@code NoPreemption} PostFilter appends
 * upstream's sentence ("preemption: 0/N nodes are available: N Preemption is not helpful for
 * scheduling.") so messages read as kube-scheduler's; drop it from the profile to omit it. Assumed
 * pods expire 30 s after their binding if it is never observed. No system-default topology spread
 * constraints, no NodePorts, volume or DRA plugins.
 */
package io.pilothouse.scheduler;
