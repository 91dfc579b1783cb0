package io.pilothouse.node.runtime;

import java.nio.file.Path;

/** A volume directory (or file) on the host and where the container should see it. */
public record Mount(String volumeName, Path hostPath, String containerPath, boolean readOnly) {}
