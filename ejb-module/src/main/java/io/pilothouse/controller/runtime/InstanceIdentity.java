package io.pilothouse.controller.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This control-plane instance's identity in leader-election Leases and event sources, upstream's
 * {@code hostname_uuid}: unique per process, so a restarted instance is a new holder.
 */
public final class InstanceIdentity {

  /** The identity of this process. */
  public static final String ID = hostname() + "_" + UUID.randomUUID();

  private InstanceIdentity() {}

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
