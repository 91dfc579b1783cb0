package io.pilothouse.changefeed;

/**
 * A committed write to the store, named by key and revision only: consumers reload current state
 * rather than trusting a copy (the level-triggered rule). Fired as a CDI event inside the writing
 * transaction; observers that act on it do so after commit.
 */
public record StoreChange(
    String group, String resource, String namespace, String name, long revision, ChangeType type) {}
