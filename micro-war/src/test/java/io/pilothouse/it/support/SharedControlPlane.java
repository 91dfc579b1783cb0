package io.pilothouse.it.support;

import io.pilothouse.it.ControlPlane;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving black-box tests one control plane for the whole test run: started by the
 * first test class that needs it, shared by the others, stopped when the run ends. Tests receive a
 * {@link ControlPlane} client as a parameter and keep their objects apart by namespace or name.
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
      return new Running(new MicroControlPlane(build, "shared-control-plane").start());
    } catch (Exception e) {
      throw new IllegalStateException("could not start the shared control plane", e);
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
