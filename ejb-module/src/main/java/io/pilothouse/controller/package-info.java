/**
 * kube-controller-manager for Pilothouse: the contract every control loop (and the scheduler's
 * glue) is written against. {@link io.pilothouse.controller.Controller} is one loop; {@link
 * io.pilothouse.controller.ObjectClient} and {@link io.pilothouse.controller.EventRecorder} are its
 * only way to read and write, so that unit tests can run each {@code sync} on fakes with a fixed
 * {@link java.time.Clock}. The runtime (work queues, change-feed dispatch, resync timer, leader
 * election) lives in {@code io.pilothouse.controller.runtime}; each controller has its own package
 * below this one, named after upstream's ({@code replicaset}, {@code deployment}, {@code job},
 * {@code endpoints}, {@code namespace}, {@code garbagecollector}, {@code serviceaccount}, {@code
 * nodelifecycle}, {@code podgc}).
 */
package io.pilothouse.controller;
