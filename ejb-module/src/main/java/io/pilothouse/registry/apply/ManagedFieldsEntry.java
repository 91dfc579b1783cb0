package io.pilothouse.registry.apply;

/**
 * One entry of {@code metadata.managedFields} ({@code meta/v1 ManagedFieldsEntry}): which fields a
 * manager set, by an {@code Apply} or an {@code Update}, through which API version, when.
 *
 * @param manager the field manager's name ({@code fieldManager})
 * @param operation {@link #APPLY} or {@link #UPDATE}
 * @param apiVersion the API version the manager wrote through
 * @param time when the manager last changed its fields (RFC 3339)
 * @param subresource the subresource written ({@code ""} for the main resource)
 * @param fields the fields it owns
 */
public record ManagedFieldsEntry(
    String manager,
    String operation,
    String apiVersion,
    String time,
    String subresource,
    FieldSet fields) {

  public static final String APPLY = "Apply";
  public static final String UPDATE = "Update";

  /** Whether this entry belongs to {@code manager} writing by {@code operation}. */
  public boolean isOf(String manager, String operation) {
    return this.manager.equals(manager) && this.operation.equals(operation);
  }

  /** This entry owning {@code fields} instead. */
  public ManagedFieldsEntry withFields(FieldSet fields) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, time, subresource, fields);
  }
}
