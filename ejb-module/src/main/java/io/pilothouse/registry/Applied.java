package io.pilothouse.registry;

import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of a server-side apply.
 *
 * @param object the object as written (or as it would be, on a dry run)
 * @param created whether the apply created it (the API answers 201 then, 200 otherwise)
 */
public record Applied(ObjectNode object, boolean created) {}
