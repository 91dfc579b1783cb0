package io.pilothouse.registry.strategy;

import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events ({@code core/v1}): upstream's legacy rules for v1 events (the involved object's namespace
 * agrees with the event's; events with an {@code eventTime} name their reporting component,
 * instance, action and reason within length limits). The server fills no timestamps or counts;
 * clients do. Selectable by involved object, reason, reporting component, source and type.
 */
public class EventStrategy implements ResourceStrategy {

  private static final FieldLabelConversion FIELD_LABELS =
      FieldLabelConversion.of(
          "involvedObject.kind",
          "involvedObject.namespace",
          "involvedObject.name",
          "involvedObject.uid",
          "involvedObject.apiVersion",
          "involvedObject.resourceVersion",
          "involvedObject.fieldPath",
          "reason",
          "reportingComponent",
          "source",
          "type",
          FieldSelector.METADATA_NAMESPACE,
          FieldSelector.METADATA_NAME);

  static final int REPORTING_INSTANCE_LIMIT = 128;
  static final int ACTION_LIMIT = 128;
  static final int REASON_LIMIT = 128;
  static final int NOTE_LIMIT = 1024;

  private static final List<String> INVOLVED_FIELDS =
      List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath");

  @Override
  public List<FieldError> validate(ObjectNode event) {
    List<FieldError> errs = new ArrayList<>();
    String namespace = ObjectNodes.namespace(event) == null ? "" : ObjectNodes.namespace(event);
    String involvedNamespace = Trees.text(event.get("involvedObject"), "namespace", "");
    if (Trees.text(event, "eventTime", "").isEmpty()) {
      boolean matches =
          involvedNamespace.isEmpty()
              ? namespace.isEmpty() || namespace.equals("default")
              : namespace.equals(involvedNamespace);
      if (!matches) {
        errs.add(mismatch(involvedNamespace));
      }
    } else {
      errs.addAll(validateNewStyle(event, namespace, involvedNamespace));
    }
    Names.dns1123Subdomain(namespace)
        .forEach(msg -> errs.add(FieldError.invalid("namespace", namespace, msg)));
    return errs;
  }

  private static List<FieldError> validateNewStyle(
      JsonNode event, String namespace, String involvedNamespace) {
    List<FieldError> errs = new ArrayList<>();
    if (involvedNamespace.isEmpty()
        && !namespace.equals("default")
        && !namespace.equals("kube-system")) {
      errs.add(mismatch(involvedNamespace));
    }
    String controller = Trees.text(event, "reportingComponent", "");
    if (controller.isEmpty()) {
      errs.add(FieldError.required("reportingComponent"));
    }
    Names.qualifiedName(controller)
        .forEach(msg -> errs.add(FieldError.invalid("reportingComponent", controller, msg)));
    errs.addAll(requiredWithin(event, "reportingInstance", REPORTING_INSTANCE_LIMIT, true));
    errs.addAll(requiredWithin(event, "action", ACTION_LIMIT, true));
    errs.addAll(requiredWithin(event, "reason", REASON_LIMIT, true));
    errs.addAll(requiredWithin(event, "message", NOTE_LIMIT, false));
    return errs;
  }

  private static List<FieldError> requiredWithin(
      JsonNode event, String field, int limit, boolean required) {
    String value = Trees.text(event, field, "");
    List<FieldError> errs = new ArrayList<>();
    if (required && value.isEmpty()) {
      errs.add(FieldError.required(field));
    }
    if (value.length() > limit) {
      errs.add(FieldError.invalid(field, "", "can have at most " + limit + " characters"));
    }
    return errs;
  }

  private static FieldError mismatch(String involvedNamespace) {
    return FieldError.invalid(
        "involvedObject.namespace", involvedNamespace, "does not match event.namespace");
  }

  @Override
  public void indexFields(ObjectNode event, IndexedFields.Builder fields) {
    JsonNode involved = event.path("involvedObject");
    for (String field : INVOLVED_FIELDS) {
      fields.field("involvedObject." + field, Trees.text(involved, field, ""));
    }
    String reportingComponent = Trees.text(event, "reportingComponent", "");
    String source = Trees.text(event.path("source"), "component", "");
    fields.field("reason", Trees.text(event, "reason", ""));
    fields.field("reportingComponent", reportingComponent);
    fields.field("source", source.isEmpty() ? reportingComponent : source);
    fields.field("type", Trees.text(event, "type", ""));
  }

  @Override
  public FieldLabelConversion fieldLabelConversion() {
    return FIELD_LABELS;
  }
}
