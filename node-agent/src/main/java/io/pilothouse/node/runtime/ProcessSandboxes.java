package io.pilothouse.node.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The process runtime's pod sandboxes: a loopback IP each, recorded under the runtime directory so
 * that an agent restarted on the same root directory gives each pod back the IP it had.
 */
final class ProcessSandboxes {

  private static final Logger LOG = Logger.getLogger(ProcessSandboxes.class.getName());

  private final Path dir;
  private final PodIpAllocator ips;
  private final Map<String, PodSandboxStatus> byId = new ConcurrentHashMap<>();

  ProcessSandboxes(Path dir, PodIpAllocator ips) {
    this.dir = dir;
    this.ips = ips;
  }

  /** Loads the sandboxes of an earlier run as not ready, keeping their IPs reserved. */
  void recover() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
          p.load(in);
        }
        String ip = ips.allocate(p.getProperty("ip"));
        PodSandboxStatus s =
            new PodSandboxStatus(
                p.getProperty("uid"),
                p.getProperty("uid"),
                p.getProperty("namespace"),
                p.getProperty("name"),
                ip,
                false);
        byId.put(s.id(), s);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warning("cannot recover sandboxes from " + dir + ": " + e.getMessage());
    }
  }

  synchronized PodSandboxStatus run(PodSandboxConfig config) {
    PodSandboxStatus existing = byId.get(config.uid());
    if (existing != null && existing.ready()) {
      return existing;
    }
    String ip;
    if (existing != null) {
      ips.release(existing.ip());
      ip = ips.allocate(existing.ip());
    } else {
      ip = ips.allocate(config.requestedIp());
    }
    PodSandboxStatus s =
        new PodSandboxStatus(
            config.uid(), config.uid(), config.namespace(), config.name(), ip, true);
    byId.put(s.id(), s);
    persist(s);
    return s;
  }

  synchronized void stop(String id) {
    PodSandboxStatus s = byId.get(id);
    if (s != null && s.ready()) {
      ips.release(s.ip());
      byId.put(id, new PodSandboxStatus(s.id(), s.uid(), s.namespace(), s.name(), s.ip(), false));
    }
  }

  synchronized void remove(String id) {
    PodSandboxStatus s = byId.remove(id);
    if (s != null && s.ready()) {
      ips.release(s.ip());
    }
    try {
      Files.deleteIfExists(dir.resolve(id + ".properties"));
    } catch (IOException e) {
      LOG.fine("sandbox record of " + id + " not removed: " + e.getMessage());
    }
  }

  PodSandboxStatus get(String id) {
    PodSandboxStatus s = byId.get(id);
    if (s == null) {
      throw new ContainerRuntimeException("no pod sandbox " + id);
    }
    return s;
  }

  String uidOf(String id) {
    PodSandboxStatus s = byId.get(id);
    return s == null ? id : s.uid();
  }

  List<PodSandboxStatus> list() {
    return new ArrayList<>(byId.values());
  }

  private void persist(PodSandboxStatus s) {
    Properties p = new Properties();
    p.setProperty("uid", s.uid());
    p.setProperty("namespace", s.namespace());
    p.setProperty("name", s.name());
    p.setProperty("ip", s.ip());
    try {
      Files.createDirectories(dir);
      try (Writer out = Files.newBufferedWriter(dir.resolve(s.id() + ".properties"))) {
        p.store(out, "pod sandbox");
      }
    } catch (IOException e) {
      LOG.warning(
          "cannot record sandbox of pod " + s.namespace() + "/" + s.name() + ": " + e.getMessage());
    }
  }
}
