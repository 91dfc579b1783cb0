package io.pilothouse.registry;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A patched object as written, and the warnings its patch earned under {@code fieldValidation=Warn}
 * ({@code unknown field "spec.foo"}), which the API sends as {@code Warning} headers.
 *
 * @param object the object after the patch, as stored
 * @param warnings the field validation warnings, empty unless {@code Warn} found something
 */
public record Patched(ObjectNode object, List<String> warnings) {}
