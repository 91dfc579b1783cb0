package io.pilothouse.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions this build was made with: Pilothouse's own and the Kubernetes API version it serves.
 * Read once from a properties file filtered by Maven.
 */
public record BuildInfo(String pilothouseVersion, String kubernetesVersion) {

  private static final BuildInfo CURRENT = load();

  /** The build this class was compiled in. */
  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties missing from the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        properties.getProperty("pilothouse.version"), properties.getProperty("kubernetes.version"));
  }
}
