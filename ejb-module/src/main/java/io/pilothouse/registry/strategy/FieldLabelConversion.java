package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.store.FieldSelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One kind's field label conversion, as upstream registers it with {@code
 * AddFieldLabelConversionFunc} (in {@code pkg/apis/<group>/<version>/conversion.go}): the field
 * labels a list, watch or deletecollection of the kind may select on, the field each one selects
 * (upstream still takes a pod's {@code spec.host} for {@code spec.nodeName}), and the message that
 * refuses any other label. A kind without a function of its own gets {@link #METADATA_ONLY},
 * upstream's {@code DefaultMetaV1FieldSelectorConversion}.
 */
public final class FieldLabelConversion {

  /**
   * Upstream's {@code DefaultMetaV1FieldSelectorConversion}: {@code metadata.name} and {@code
   * metadata.namespace}, for cluster-scoped kinds too, and its own message for anything else.
   */
  public static final FieldLabelConversion METADATA_ONLY =
      new FieldLabelConversion(
          identity(Set.of(FieldSelector.METADATA_NAME, FieldSelector.METADATA_NAMESPACE)),
          label ->
              GoValues.goQuote(label)
                  + " is not a known field selector: only \"metadata.name\","
                  + " \"metadata.namespace\"");

  private final Map<String, String> fields;
  private final UnaryOperator<String> refusal;

  private FieldLabelConversion(Map<String, String> fields, UnaryOperator<String> refusal) {
    this.fields = Map.copyOf(fields);
    this.refusal = refusal;
  }

  /**
   * A kind's own conversion function accepting exactly these labels (list {@code metadata.name} and
   * {@code metadata.namespace} when the kind accepts them: upstream's functions for namespaces and
   * nodes leave out the latter), refusing others with {@code field label not supported: <label>}.
   */
  public static FieldLabelConversion of(String... labels) {
    return new FieldLabelConversion(
        identity(Set.of(labels)), label -> "field label not supported: " + label);
  }

  /** This conversion, taking {@code label} for the field {@code field} (which it must accept). */
  public FieldLabelConversion withAlias(String label, String field) {
    if (!fields.containsKey(field)) {
      throw new IllegalArgumentException(label + " names a field not accepted: " + field);
    }
    Map<String, String> more = new LinkedHashMap<>(fields);
    more.put(label, field);
    return new FieldLabelConversion(more, refusal);
  }

  /** This conversion, refusing with another message (given the label as the client wrote it). */
  public FieldLabelConversion withRefusal(UnaryOperator<String> message) {
    return new FieldLabelConversion(fields, message);
  }

  /** The field a label selects, or nothing when the kind does not accept the label. */
  public Optional<String> convert(String label) {
    return Optional.ofNullable(fields.get(label));
  }

  /** Upstream's message refusing a label this conversion does not accept. */
  public String refusal(String label) {
    return refusal.apply(label);
  }

  /** Every label accepted, aliases included. */
  public Set<String> labels() {
    return fields.keySet();
  }

  private static Map<String, String> identity(Set<String> labels) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String label : labels) {
      fields.put(label, label);
    }
    return fields;
  }
}
