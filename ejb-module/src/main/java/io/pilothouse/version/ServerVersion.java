package io.pilothouse.version;

/**
 * The body of {@code GET /version}, shaped like Kubernetes' {@code version.Info} so that {@code
 * kubectl version} prints a server version.
 */
public record ServerVersion(
    String major,
    String minor,
    String gitVersion,
    String gitCommit,
    String gitTreeState,
    String buildDate,
    String goVersion,
    String compiler,
    String platform) {

  /** The version info of this build running on this JVM. */
  public static ServerVersion of(BuildInfo build) {
    String[] parts = build.kubernetesVersion().split("\\.");
    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    String arch = normalizeArch(System.getProperty("os.arch"));
    return new ServerVersion(
        parts[0],
        parts[1],
        "v" + build.kubernetesVersion() + "-pilothouse." + build.pilothouseVersion(),
        "",
        "clean",
        "",
        "java" + System.getProperty("java.version"),
        "javac",
        os + "/" + arch);
  }

  private static String normalizeArch(String arch) {
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }
}
