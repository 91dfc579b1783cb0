package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Posts core/v1 Events (source component "kubelet") from one background thread: best effort, a
 * bounded queue that drops when the API server is slow, and the same event about the same object at
 * most once a minute.
 */
public final class EventRecorder {

  private static final Logger LOG = Logger.getLogger(EventRecorder.class.getName());

  private final KubernetesClient client;
  private final Clock clock;
  private final ThreadPoolExecutor sender =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(1000),
          r -> {
            Thread t = new Thread(r, "event-recorder");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.DiscardPolicy());
  private final Map<String, Long> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > 4096;
        }
      };
  private volatile boolean warned;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void record(
      String host, HasMetadata involved, String type, String reason, String message) {
    String key = involved.getMetadata().getUid() + "|" + reason + "|" + message;
    long now = clock.millis();
    synchronized (recent) {
      Long last = recent.get(key);
      if (last != null && now - last < 60_000) {
        return;
      }
      recent.put(key, now);
    }
    sender.execute(() -> post(host, involved, type, reason, message));
  }

  private final java.util.concurrent.atomic.AtomicLong sequence =
      new java.util.concurrent.atomic.AtomicLong();

  private void post(String host, HasMetadata involved, String type, String reason, String message) {
    String ns =
        involved.getMetadata().getNamespace() == null
            ? "default"
            : involved.getMetadata().getNamespace();
    String time = PodStatusComputer.time(clock.instant());
    Event event =
        new EventBuilder()
            .withNewMetadata()
            // client-go's name, <object>.<hex nanos>: a generateName ending in "." is invalid
            .withName(
                involved.getMetadata().getName()
                    + "."
                    + Long.toHexString(
                        clock.instant().getEpochSecond() * 1_000_000_000L
                            + clock.instant().getNano()
                            + sequence.incrementAndGet()))
            .withNamespace(ns)
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(involved.getApiVersion())
                    .withKind(involved.getKind())
                    .withName(involved.getMetadata().getName())
                    .withNamespace(involved.getMetadata().getNamespace())
                    .withUid(involved.getMetadata().getUid())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withNewSource()
            .withComponent("kubelet")
            .withHost(host)
            .endSource()
            .withReportingComponent("kubelet")
            .withReportingInstance(host)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .withCount(1)
            .build();
    try {
      client.v1().events().inNamespace(ns).resource(event).create();
    } catch (RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.info(
            "events are not recorded ("
                + e.getClass().getSimpleName()
                + ": "
                + firstLine(e.getMessage())
                + "); will keep trying quietly");
      }
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  public void shutdown() {
    sender.shutdownNow();
  }
}
