package io.pilothouse.node.kubelet;

/**
 * A volume cannot be set up; the pod stays in ContainerCreating and a FailedMount event says why.
 */
public class VolumeException extends Exception {

  private static final long serialVersionUID = 1L;

  public VolumeException(String volume, String reason) {
    super("MountVolume.SetUp failed for volume \"" + volume + "\" : " + reason);
  }
}
