package io.pilothouse.registry;

import io.pilothouse.registry.strategy.FieldLabelConversion;
import io.pilothouse.store.FieldRequirement;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;

/**
 * What kube-apiserver's list, watch and deletecollection handlers do to a request's field selector
 * before the storage sees it ({@code FieldSelector.Transform} with the scheme's {@code
 * ConvertFieldLabel}): each label is converted by the kind's {@link FieldLabelConversion}, and the
 * first one the kind does not accept, in the parsed selector's sorted order, is refused with 400
 * BadRequest and upstream's message ({@code field label not supported: foo}). Only selectors from
 * the API come here; the controllers and the dashboard select on any indexed field.
 */
public final class FieldSelectorConversion {

  private FieldSelectorConversion() {}

  /**
   * The options with their field selector converted for {@code type}.
   *
   * @throws io.pilothouse.api.StatusException 400 when the selector is malformed or names a label
   *     the kind does not accept
   */
  public static ListOptions convert(ResourceType type, ListOptions options) {
    String selector = options.fieldSelector();
    if (selector == null || selector.isEmpty()) {
      return options;
    }
    FieldSelector parsed = parse(selector);
    FieldSelector converted = convert(type.strategy().fieldLabelConversion(), parsed);
    if (converted.equals(parsed)) {
      return options;
    }
    return new ListOptions(
        options.labelSelector(),
        converted.toString(),
        options.limit(),
        options.continueToken(),
        options.resourceVersion(),
        options.allowBookmarks(),
        options.timeoutSeconds(),
        options.sendInitialEvents());
  }

  private static FieldSelector convert(FieldLabelConversion conversion, FieldSelector selector) {
    List<FieldRequirement> converted = new ArrayList<>(selector.requirements().size());
    for (FieldRequirement term : selector.requirements()) {
      String field =
          conversion
              .convert(term.field())
              .orElseThrow(() -> RegistryErrors.badRequest(conversion.refusal(term.field())));
      converted.add(new FieldRequirement(field, term.operator(), term.value()));
    }
    return FieldSelector.of(converted);
  }

  private static FieldSelector parse(String selector) {
    try {
      return FieldSelector.parse(selector);
    } catch (InvalidSelectorException e) {
      throw RegistryErrors.badRequest(e.getMessage());
    }
  }
}
