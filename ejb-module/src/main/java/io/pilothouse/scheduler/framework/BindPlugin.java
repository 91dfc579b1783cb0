package io.pilothouse.scheduler.framework;

/**
 * Writes the decision: binds the pod to the node. Bind plugins run in order until one does not
 * return {@link Status#skip()}; the default one posts a {@code pods/binding} through the {@link
 * io.pilothouse.scheduler.spi.Binder}.
 */
public interface BindPlugin extends Plugin {

  Status bind(CycleState state, PodInfo pod, String nodeName);
}
