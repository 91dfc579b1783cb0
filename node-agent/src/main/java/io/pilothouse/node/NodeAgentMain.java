package io.pilothouse.node;

import io.pilothouse.node.cli.AgentOptions;
import io.pilothouse.node.cli.CommandLine;
import io.pilothouse.node.cli.LogSetup;
import io.pilothouse.node.cli.UsageException;
import io.pilothouse.node.runtime.ImageCatalog;
import java.util.Arrays;

/**
 * Entry point of the node agent jar. Exit codes: 0 stopped normally, 2 bad arguments or kubeconfig,
 * 3 the agent cannot run here (kubelet port taken, root directory not writable), 1 anything
 * unexpected.
 */
public final class NodeAgentMain {

  private NodeAgentMain() {}

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    if (Arrays.asList(args).contains("--print-image-catalog")) {
      System.out.print(ImageCatalog.defaultText());
      return;
    }
    System.exit(run(args));
  }

  static int run(String[] args) {
    AgentOptions options;
    try {
      options = CommandLine.parse(args);
    } catch (UsageException e) {
      System.err.println("node-agent: " + e.getMessage());
      return 2;
    }
    LogSetup.configure(options.verbose());
    NodeAgent agent = new NodeAgent(options);
    Thread hook = new Thread(agent::stop, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      agent.run();
      return 0;
    } catch (UsageException e) {
      System.err.println("node-agent: " + e.getMessage());
      return 2;
    } catch (NodeAgent.EnvironmentException e) {
      System.err.println("node-agent: " + e.getMessage());
      return 3;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (RuntimeException e) {
      System.err.println("node-agent: unexpected failure: " + e);
      return 1;
    }
  }
}
