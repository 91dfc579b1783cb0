package io.pilothouse.registry;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a delete did: the object's last state, and whether it is gone ({@code false} while
 * finalizers or a grace period hold it, which the API answers with 202 Accepted).
 */
public record DeleteResult(ObjectNode object, boolean deleted) {}
