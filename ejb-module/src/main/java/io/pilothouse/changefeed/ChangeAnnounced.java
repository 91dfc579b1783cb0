package io.pilothouse.changefeed;

/**
 * A {@link StoreChange} as it arrived from the change topic: fired by {@link ChangeFeedConsumer}
 * for in-process listeners (watch cache, scheduler, controllers) that must hear of writes made by
 * any control-plane instance.
 */
public record ChangeAnnounced(StoreChange change) {}
