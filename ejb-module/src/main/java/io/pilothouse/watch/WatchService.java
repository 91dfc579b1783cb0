package io.pilothouse.watch;

import io.pilothouse.registry.ListOptions;
import io.pilothouse.registry.ObjectList;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.RegistryErrors;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.InvalidSelectorException;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.Subscription;
import io.pilothouse.store.watch.WatchCache;
import io.pilothouse.store.watch.WatchFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens watches as kube-apiserver does: from a given resourceVersion (events after it, in order,
 * none missed, none twice; 410 Expired if compacted), or with no resourceVersion, from the current
 * state sent as synthetic ADDED events. Older history comes from the event log, the rest from the
 * watch cache.
 */
@ApplicationScoped
public class WatchService {

  private static final int REPLAY_BATCH = 1000;

  @Inject private WatchCacheFeeder feeder;
  @Inject private EventLogReader log;
  @Inject private ObjectRegistry registry;

  @Inject
  @ConfigProperty(name = "pilothouse.watch.bookmark.interval.seconds", defaultValue = "10")
  private long bookmarkSeconds;

  /** How often a quiet watch that asked for bookmarks gets one. */
  public Duration bookmarkInterval() {
    return Duration.ofSeconds(bookmarkSeconds);
  }

  /** Opens a watch of a resource in a namespace ({@code null} or empty for all). */
  public Watch open(ResourceType type, String namespace, ListOptions options) {
    String scope =
        type.namespaced() && namespace != null && !namespace.isEmpty() ? namespace : null;
    WatchFilter filter = filter(type, scope, options);
    Watch watch = new Watch();
    long from = start(type, scope, options, watch);
    watch.advanceTo(from);
    while (true) {
      from = replayFromLog(from, filter, watch);
      watch.advanceTo(from);
      WatchCache cache = feeder.cache();
      Optional<Subscription> subscription = cache.subscribe(from, filter, watch::deliver);
      if (subscription.isPresent() && feeder.cache() == cache) {
        watch.attach(subscription.get());
        return watch;
      }
      if (subscription.isPresent()) {
        // the feeder replaced the cache meanwhile: go on from what the old one delivered
        subscription.get().cancel();
        from = Math.max(from, subscription.get().revision());
      }
    }
  }

  private long start(ResourceType type, String scope, ListOptions options, Watch watch) {
    String resourceVersion = options.resourceVersion();
    if (resourceVersion != null && !resourceVersion.isEmpty() && !resourceVersion.equals("0")) {
      try {
        return Long.parseLong(resourceVersion);
      } catch (NumberFormatException e) {
        throw RegistryErrors.badRequest("invalid resource version: " + resourceVersion);
      }
    }
    ListOptions selection =
        new ListOptions(
            options.labelSelector(), options.fieldSelector(), 0, null, null, false, null, false);
    ObjectList current = registry.list(type, scope, selection);
    long revision = Long.parseLong(current.resourceVersion());
    for (ObjectNode item : current.items()) {
      watch.offer(WatchEvent.of("ADDED", revision, item));
    }
    return revision;
  }

  private long replayFromLog(long from, WatchFilter filter, Watch watch) {
    long revision = from;
    while (revision < feeder.cache().coveredAfter()) {
      List<StoreEvent> events;
      try {
        events = log.eventsAfter(revision, REPLAY_BATCH);
      } catch (WatchExpiredException e) {
        throw RegistryErrors.expired(e.getMessage());
      }
      if (events.isEmpty()) {
        break;
      }
      for (StoreEvent event : events) {
        filter.apply(event).ifPresent(watch::deliver);
      }
      revision = events.get(events.size() - 1).revision();
    }
    return revision;
  }

  private static WatchFilter filter(ResourceType type, String scope, ListOptions options) {
    try {
      return new WatchFilter(
          type.group(),
          type.resource(),
          scope,
          LabelSelector.parse(options.labelSelector()),
          FieldSelector.parse(options.fieldSelector()));
    } catch (InvalidSelectorException e) {
      throw RegistryErrors.badRequest(e.getMessage());
    }
  }
}
