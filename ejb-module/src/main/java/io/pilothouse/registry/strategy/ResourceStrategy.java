package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.NameRule;
import io.pilothouse.store.IndexedFields;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is particular to one kind in the registry's common write path, as upstream's {@code
 * RESTCreateStrategy}/{@code RESTUpdateStrategy}: defaults and server-set fields, validation, the
 * spec/status split, the fields selectors index and the field labels the API lets clients select
 * on. The registry does what all kinds share (uid, timestamps, generation, resourceVersion checks,
 * metadata validation); a strategy does the rest.
 *
 * <p>Objects arrive as JSON trees with {@code apiVersion}, {@code kind} and {@code metadata}
 * (namespace and name already set); strategies modify them in place.
 */
public interface ResourceStrategy {

  /**
   * Fills defaults and resets what a client may not set on create (for kinds with a status
   * subresource, usually {@code status}), as upstream's {@code PrepareForCreate} plus defaulting.
   */
  default void prepareForCreate(ObjectNode object) {}

  /**
   * Fills defaults on an update of the main resource and carries over what it may not change (for
   * kinds with a status subresource, {@code status} comes from {@code old}).
   */
  default void prepareForUpdate(ObjectNode object, ObjectNode old) {}

  /**
   * For a write to the {@code status} subresource: everything but {@code status} (and the metadata
   * upstream lets status writers change) comes from {@code old}.
   */
  default void prepareForStatusUpdate(ObjectNode object, ObjectNode old) {}

  /**
   * Changes a delete makes besides the deletionTimestamp, for an object that stays while finalizers
   * hold it (a namespace turns {@code Terminating}).
   */
  default void prepareForDelete(ObjectNode object) {}

  /** The field errors of a new object (after defaults), each to become a {@code StatusCause}. */
  default List<FieldError> validate(ObjectNode object) {
    return List.of();
  }

  /** The field errors of an update, including changes to immutable fields. */
  default List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
    return validate(object);
  }

  /** Whether {@code metadata.generation} counts spec changes for this kind. */
  default boolean tracksGeneration() {
    return false;
  }

  /**
   * The format {@code metadata.name} must have: a DNS-1123 subdomain for most kinds, a DNS-1123
   * label for namespaces, a DNS-1035 label for services (upstream's {@code ValidateNameFunc}).
   */
  default NameRule nameRule() {
    return NameRule.DNS1123_SUBDOMAIN;
  }

  /**
   * Adds the kind's selectable fields (beyond {@code metadata.name} and {@code metadata.namespace})
   * to the index, e.g. {@code spec.nodeName} and {@code status.phase} for pods.
   */
  default void indexFields(ObjectNode object, IndexedFields.Builder fields) {}

  /**
   * The field labels a field selector from the API may name, as upstream's field label conversion
   * function for the kind ({@code metadata.name} and {@code metadata.namespace} unless the kind
   * registers one). Every accepted label must be answerable: {@code metadata.*} from the key, the
   * rest from {@link #indexFields}. Internal callers may select on other indexed fields.
   */
  default FieldLabelConversion fieldLabelConversion() {
    return FieldLabelConversion.METADATA_ONLY;
  }
}
