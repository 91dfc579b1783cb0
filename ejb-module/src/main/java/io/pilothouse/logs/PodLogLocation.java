package io.pilothouse.logs;

import java.net.URI;

/**
 * Where one container's log is read: the kubelet URL to proxy to, or {@code null} for a pod that is
 * not on a node yet (upstream then answers an empty log).
 */
public record PodLogLocation(URI kubeletUrl, String container) {

  /** Whether there is nothing to read yet. */
  public boolean empty() {
    return kubeletUrl == null;
  }
}
