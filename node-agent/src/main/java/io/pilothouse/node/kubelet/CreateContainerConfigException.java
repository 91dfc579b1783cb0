package io.pilothouse.node.kubelet;

/**
 * A container's configuration cannot be built (a ConfigMap, Secret or key it needs is missing): the
 * container waits with reason {@code CreateContainerConfigError} and this message.
 */
public class CreateContainerConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public CreateContainerConfigException(String message) {
    super(message);
  }
}
