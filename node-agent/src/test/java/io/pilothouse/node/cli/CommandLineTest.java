package io.pilothouse.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

  @TempDir Path dir;

  private String kubeconfig() throws Exception {
    Path f = dir.resolve("kubeconfig");
    Files.writeString(f, "apiVersion: v1\nkind: Config\n");
    return f.toString();
  }

  @Test
  void parsesFlagsWithDefaults() throws Exception {
    AgentOptions o =
        CommandLine.parse(
            new String[] {
              "--kubeconfig",
              kubeconfig(),
              "--node-name",
              "node-a",
              "--node-ip=127.0.0.5",
              "--cpu",
              "2",
              "--memory",
              "4Gi",
              "--no-proxy"
            });
    assertThat(o.nodeName()).isEqualTo("node-a");
    assertThat(o.runtime()).isEqualTo("process");
    assertThat(o.kubeletPort()).isEqualTo(10250);
    assertThat(o.nodeIp()).isEqualTo("127.0.0.5");
    assertThat(o.podCidr()).isEqualTo(CommandLine.defaultPodCidr("node-a")).startsWith("127.200.");
    assertThat(o.rootDir()).isEqualTo(Path.of(".pilothouse/nodes/node-a"));
    assertThat(o.memory()).isEqualTo("4Gi");
    assertThat(o.proxy()).isFalse();
    AgentOptions sim =
        CommandLine.parse(
            new String[] {
              "--kubeconfig",
              kubeconfig(),
              "--node-name",
              "sim",
              "--runtime",
              "simulated",
              "--simulate-nodes",
              "1000"
            });
    assertThat(sim.simulated()).isTrue();
    assertThat(sim.simulateNodes()).isEqualTo(1000);
  }

  @Test
  void parsesRegistrationLabelsAndTaintsAsKubeletDoes() throws Exception {
    AgentOptions o =
        CommandLine.parse(
            new String[] {
              "--kubeconfig",
              kubeconfig(),
              "--node-name",
              "node-a",
              "--node-labels",
              "pilothouse.io/pool=blue,tier=",
              "--register-with-taints",
              "pilothouse.io/test-node=yes:NoSchedule,dedicated:NoExecute"
            });
    assertThat(o.nodeLabels())
        .containsEntry("pilothouse.io/pool", "blue")
        .containsEntry("tier", "");
    assertThat(o.registerTaints())
        .extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
        .containsExactly("pilothouse.io/test-node=yes:NoSchedule", "dedicated=null:NoExecute");
    String k = kubeconfig();
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {
                      "--kubeconfig", k, "--node-name", "a", "--register-with-taints", "x=y:Never"
                    }))
        .hasMessageContaining("effect 'Never' is not one of");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {
                      "--kubeconfig", k, "--node-name", "a", "--node-labels", "novalue"
                    }))
        .hasMessage("--node-labels: 'novalue' is not key=value");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {"--kubeconfig", k, "--node-name", "a", "--node-labels", "a b=c"}))
        .hasMessageContaining("not a valid label or taint key");
  }

  @Test
  void rejectsBadArgumentsWithOneClearLine() throws Exception {
    String k = kubeconfig();
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"--node-name", "a"}))
        .hasMessage("--kubeconfig is required (see --help)");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {
                      "--kubeconfig", dir.resolve("none").toString(), "--node-name", "a"
                    }))
        .hasMessageEndingWith("no such readable file");
    assertThatThrownBy(
            () -> CommandLine.parse(new String[] {"--kubeconfig", k, "--node-name", "Bad_Name"}))
        .hasMessageContaining("DNS subdomain");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {"--kubeconfig", k, "--node-name", "a", "--runtime", "docker"}))
        .hasMessageContaining("'process' or 'simulated'");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {"--kubeconfig", k, "--node-name", "a", "--simulate-nodes", "5"}))
        .hasMessage("--simulate-nodes needs --runtime simulated");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {"--kubeconfig", k, "--node-name", "a", "--node-ip", "10.0.0.1"}))
        .hasMessageContaining("loopback");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {
                      "--kubeconfig", k, "--node-name", "a", "--pod-cidr", "10.1.0.0/24"
                    }))
        .hasMessageContaining("127.0.0.0/8");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {"--kubeconfig", k, "--node-name", "a", "--kubelet-port", "x"}))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {"--kubeconfig", k, "--node-name", "a", "--memory", "lots"}))
        .hasMessageContaining("not a Kubernetes quantity");
    assertThatThrownBy(
            () ->
                CommandLine.parse(
                    new String[] {"--kubeconfig", k, "--node-name", "a", "--frobnicate"}))
        .hasMessageContaining("unknown argument");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"--kubeconfig", k, "--node-name"}))
        .hasMessage("--node-name needs a value");
  }
}
