package io.pilothouse.node.runtime;

/** A pod sandbox as the runtime sees it: the pod it belongs to and its loopback IP. */
public record PodSandboxStatus(
    String id, String uid, String namespace, String name, String ip, boolean ready) {}
