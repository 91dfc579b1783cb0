package io.pilothouse.it.support;

import io.pilothouse.it.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving black-box tests one control plane for the whole test run: started by the
 * first test class that needs it on a fresh data directory, shared by the others, stopped when the
 * run ends. Tests receive a {@link ControlPlane} client as a parameter and keep their objects apart
 * by namespace or name.
 */
public final class SharedControlPlane implements BeforeAllCallback, ParameterResolver {

  private static final String KEY = "pilothouse-shared-control-plane";

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type.equals(ControlPlane.class) || type.equals(MicroControlPlane.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MicroControlPlane server = server(context);
    return parameter.getParameter().getType().equals(ControlPlane.class)
        ? ControlPlane.at(server.root())
        : server;
  }

  private static MicroControlPlane server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, key -> start(), Running.class)
        .server();
  }

  private static Running start() {
    try {
      Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
      MicroControlPlane server = new MicroControlPlane(build, "shared-control-plane");
      // a fresh store per run: without `mvn clean`, the last run's objects would still be there
      deleteTree(server.dataDir());
      Files.deleteIfExists(server.log());
      return new Running(server.start());
    } catch (Exception e) {
      throw new IllegalStateException("could not start the shared control plane", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Closes the server when JUnit closes the root store at the end of the run. */
  private record Running(MicroControlPlane server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
