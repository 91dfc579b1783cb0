package io.pilothouse.node.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container as the kubelet resolved it: command and args after {@code $(VAR)} expansion ({@code
 * command == null} means "the image's entrypoint"), the final environment, mounts, the log file,
 * the memory limit in bytes (0 = none) and the declared container ports.
 */
public record ContainerConfig(
    String name,
    int attempt,
    String image,
    List<String> command,
    List<String> args,
    Map<String, String> env,
    String workingDir,
    List<Mount> mounts,
    Path logPath,
    long memoryLimitBytes,
    List<Integer> ports,
    Map<String, String> annotations) {

  public ContainerConfig {
    command = command == null ? null : List.copyOf(command);
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : new LinkedHashMap<>(env);
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
    ports = ports == null ? List.of() : List.copyOf(ports);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
