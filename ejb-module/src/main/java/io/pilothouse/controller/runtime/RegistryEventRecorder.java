package io.pilothouse.controller.runtime;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.pilothouse.controller.EventRecorder;
import io.pilothouse.controller.ObjectClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records core/v1 Events as upstream's event broadcaster and correlator do: the event names its
 * {@code involvedObject}, {@code source.component}, reason, message and type, lives in the object's
 * namespace ({@code default} for cluster-scoped objects) and is written through the object client
 * like any write. An identical event (same object, reason, message, component) seen again updates
 * the first one's {@code count} and {@code lastTimestamp} instead of adding a new one. Past
 * upstream's spam limit per source and object ({@link EventSpamFilter}) events are dropped.
 * Recording never fails the caller: a failed write is logged and dropped.
 */
@ApplicationScoped
public class RegistryEventRecorder implements EventRecorder {

  private static final Logger LOG = Logger.getLogger(RegistryEventRecorder.class.getName());
  private static final int CACHE_SIZE = 4096;
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private static final int MAX_PENDING = 10_000;

  @Resource private ManagedThreadFactory threads;

  private ObjectClient client;
  private Clock clock;
  private EventSpamFilter spamFilter;
  private Executor writer = Runnable::run;
  private final Map<String, ObjectReference> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ObjectReference> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  /** For CDI's proxy only. */
  protected RegistryEventRecorder() {}

  @Inject
  RegistryEventRecorder(RegistryObjectClient client) {
    this(client, Clock.systemUTC());
  }

  /** A recorder writing through {@code client}, stamping times from {@code clock}. */
  public RegistryEventRecorder(ObjectClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.spamFilter = new EventSpamFilter(clock);
  }

  @PostConstruct
  void startWriter() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_PENDING),
            threads,
            (dropped, executor) -> LOG.fine("event queue full; dropping an event"));
    writer = pool;
  }

  @PreDestroy
  void stopWriter() {
    if (writer instanceof ExecutorService pool) {
      pool.shutdownNow();
    }
  }

  @Override
  public void normal(HasMetadata about, String component, String reason, String message) {
    record(about, component, "Normal", reason, message);
  }

  @Override
  public void warning(HasMetadata about, String component, String reason, String message) {
    record(about, component, "Warning", reason, message);
  }

  private void record(
      HasMetadata about, String component, String type, String reason, String message) {
    if (!spamFilter.allow(component, reference(about))) {
      LOG.fine(() -> "event about " + about.getMetadata().getName() + " over the spam limit");
      return;
    }
    writer.execute(() -> write(about, component, type, reason, message));
  }

  private void write(
      HasMetadata about, String component, String type, String reason, String message) {
    try {
      ObjectReference involved = reference(about);
      String key = String.join("\u0000", involved.getUid(), component, type, reason, message);
      String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
      ObjectReference known = recent.get(key);
      Optional<Event> existing =
          known == null
              ? Optional.empty()
              : client.get(Event.class, known.getNamespace(), known.getName());
      Event written =
          existing.isPresent()
              ? client.update(bumped(existing.get(), now))
              : client.create(fresh(involved, component, type, reason, message, now));
      recent.put(
          key,
          new ObjectReferenceBuilder()
              .withNamespace(written.getMetadata().getNamespace())
              .withName(written.getMetadata().getName())
              .build());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, e, () -> "could not record event " + reason + " about " + about);
    }
  }

  private static Event bumped(Event event, String now) {
    int count = event.getCount() == null ? 1 : event.getCount();
    event.setCount(count + 1);
    event.setLastTimestamp(now);
    return event;
  }

  private Event fresh(
      ObjectReference involved,
      String component,
      String type,
      String reason,
      String message,
      String now) {
    String namespace = involved.getNamespace() == null ? "default" : involved.getNamespace();
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(involved.getName() + "." + Long.toHexString(nanos(clock.instant())))
        .endMetadata()
        .withInvolvedObject(involved)
        .withReason(reason)
        .withMessage(message)
        .withType(type)
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withNewSource()
        .withComponent(component)
        .endSource()
        .withReportingComponent(component)
        .withReportingInstance(component + "-" + InstanceIdentity.ID)
        .build();
  }

  /** Upstream's event names: the object's name and a hex timestamp, unique per recorder. */
  private static long nanos(Instant instant) {
    return instant.toEpochMilli() * 1_000_000L + SEQUENCE.incrementAndGet() % 1_000_000L;
  }

  /** The {@code involvedObject} naming a typed object. */
  static ObjectReference reference(HasMetadata about) {
    return new ObjectReferenceBuilder()
        .withApiVersion(about.getApiVersion())
        .withKind(about.getKind())
        .withNamespace(about.getMetadata().getNamespace())
        .withName(about.getMetadata().getName())
        .withUid(about.getMetadata().getUid())
        .withResourceVersion(about.getMetadata().getResourceVersion())
        .build();
  }
}
