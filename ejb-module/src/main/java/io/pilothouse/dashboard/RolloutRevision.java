package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;

/** One revision of a Deployment's rollout: its ReplicaSet, images and replica count. */
public record RolloutRevision(
    long revision, String replicaSet, List<String> images, long replicas, String age)
    implements Serializable {}
