package io.pilothouse.node.cli;

import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Parses and checks the node agent's command line; every mistake is a {@link UsageException} with
 * one line saying what is wrong.
 */
public final class CommandLine {

  public static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar node-agent.jar --kubeconfig FILE --node-name NAME [options]",
          "  --kubeconfig FILE          kubeconfig with the API server URL and credentials (required)",
          "  --node-name NAME           this node's name, a DNS subdomain (required)",
          "  --runtime process|simulated  real host processes (default) or simulated containers",
          "  --simulate-nodes K         run K simulated nodes NAME-0001..NAME-K (simulated runtime only)",
          "  --root-dir DIR             pods, logs and state (default .pilothouse/nodes/NAME)",
          "  --node-ip 127.X.Y.Z        this node's InternalIP; the kubelet listens here (default 127.0.0.1)",
          "  --kubelet-port PORT        the kubelet's HTTP port for logs (default 10250)",
          "  --pod-cidr 127.A.B.0/24    pod IPs come from here (default derived from the node name)",
          "  --image-catalog FILE       image -> host command catalog (default: the built-in one)",
          "  --cpu N  --memory Q  --ephemeral-storage Q  --max-pods N   node capacity (default: the host's, 110 pods)",
          "  --simulate-start-delay S   seconds a simulated container takes to start (default 0)",
          "  --node-labels k=v,...      extra labels the Node registers with",
          "  --register-with-taints k[=v]:Effect,...  taints the Node registers with",
          "  --no-proxy                 do not run kube-proxy in this agent",
          "  --print-image-catalog      print the built-in image catalog and exit",
          "  -v, --verbose              debug logging with stack traces",
          "  -h, --help                 this help");

  private static final Set<String> FLAGS = Set.of("--no-proxy", "-v", "--verbose");
  private static final Set<String> OPTIONS =
      Set.of(
          "--kubeconfig",
          "--node-name",
          "--runtime",
          "--simulate-nodes",
          "--root-dir",
          "--kubelet-port",
          "--node-ip",
          "--pod-cidr",
          "--image-catalog",
          "--cpu",
          "--memory",
          "--ephemeral-storage",
          "--max-pods",
          "--simulate-start-delay",
          "--node-labels",
          "--register-with-taints");

  private CommandLine() {}

  public static AgentOptions parse(String[] args) throws UsageException {
    Map<String, String> v = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      if (FLAGS.contains(arg)) {
        v.put(arg.equals("-v") ? "--verbose" : arg, "true");
      } else if (OPTIONS.contains(arg)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new UsageException(arg + " needs a value");
          }
          value = args[++i];
        }
        v.put(arg, value);
      } else {
        throw new UsageException("unknown argument '" + args[i] + "' (see --help)");
      }
    }
    return build(v);
  }

  private static AgentOptions build(Map<String, String> v) throws UsageException {
    Path kubeconfig = Path.of(required(v, "--kubeconfig"));
    if (!Files.isReadable(kubeconfig)) {
      throw new UsageException("--kubeconfig " + kubeconfig + ": no such readable file");
    }
    String node = required(v, "--node-name");
    if (!node.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
        || node.length() > 240) {
      throw new UsageException(
          "--node-name '"
              + node
              + "' is not a DNS subdomain (lower-case letters, digits, '-' and '.')");
    }
    String runtime = v.getOrDefault("--runtime", "process");
    if (!runtime.equals("process") && !runtime.equals("simulated")) {
      throw new UsageException("--runtime must be 'process' or 'simulated', not '" + runtime + "'");
    }
    int nodes = integer(v, "--simulate-nodes", 1, 1, 100_000);
    if (nodes > 1 && !runtime.equals("simulated")) {
      throw new UsageException("--simulate-nodes needs --runtime simulated");
    }
    String ip = v.getOrDefault("--node-ip", "127.0.0.1");
    if (!ip.matches("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})") || !octetsValid(ip)) {
      throw new UsageException("--node-ip '" + ip + "' must be a loopback address 127.x.y.z");
    }
    String cidr = v.getOrDefault("--pod-cidr", defaultPodCidr(node));
    try {
      new io.pilothouse.node.runtime.PodIpAllocator(cidr);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--pod-cidr: " + e.getMessage());
    }
    Path catalog = v.containsKey("--image-catalog") ? Path.of(v.get("--image-catalog")) : null;
    if (catalog != null && !Files.isReadable(catalog)) {
      throw new UsageException("--image-catalog " + catalog + ": no such readable file");
    }
    return new AgentOptions(
        kubeconfig,
        node,
        runtime,
        nodes,
        Path.of(v.getOrDefault("--root-dir", ".pilothouse/nodes/" + node)),
        integer(v, "--kubelet-port", 10250, 1, 65535),
        ip,
        cidr,
        catalog,
        quantity(v, "--cpu"),
        quantity(v, "--memory"),
        quantity(v, "--ephemeral-storage"),
        integer(v, "--max-pods", 110, 1, 100_000),
        decimal(v, "--simulate-start-delay", 0),
        !v.containsKey("--no-proxy"),
        v.containsKey("--verbose"),
        RegistrationFlags.labels(v.get("--node-labels")),
        RegistrationFlags.taints(v.get("--register-with-taints")));
  }

  /** 127.200.N.0/24 with N from the node name, so two agents rarely collide without flags. */
  public static String defaultPodCidr(String nodeName) {
    CRC32 crc = new CRC32();
    crc.update(nodeName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "127.200." + (crc.getValue() % 256) + ".0/24";
  }

  private static boolean octetsValid(String ip) {
    for (String part : ip.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String required(Map<String, String> v, String key) throws UsageException {
    String value = v.get(key);
    if (value == null || value.isBlank()) {
      throw new UsageException(key + " is required (see --help)");
    }
    return value;
  }

  private static int integer(Map<String, String> v, String key, int fallback, int min, int max)
      throws UsageException {
    if (!v.containsKey(key)) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get(key));
      if (n < min || n > max) {
        throw new UsageException(key + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(key + " must be a number, not '" + v.get(key) + "'");
    }
  }

  private static double decimal(Map<String, String> v, String key, double fallback)
      throws UsageException {
    if (!v.containsKey(key)) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.get(key));
      if (d < 0) {
        throw new UsageException(key + " must not be negative");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UsageException(key + " must be a number of seconds, not '" + v.get(key) + "'");
    }
  }

  private static String quantity(Map<String, String> v, String key) throws UsageException {
    String value = v.get(key);
    if (value == null) {
      return null;
    }
    try {
      if (new Quantity(value).getNumericalAmount().signum() <= 0) {
        throw new UsageException(key + " must be positive, not '" + value + "'");
      }
      return value;
    } catch (RuntimeException e) {
      throw new UsageException(
          key + " '" + value + "' is not a Kubernetes quantity (e.g. 4, 500m, 8Gi)");
    }
  }
}
