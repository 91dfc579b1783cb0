package io.pilothouse.registry.strategy;

/**
 * ServiceAccounts ({@code core/v1}): nothing beyond the shared metadata rules, as upstream's {@code
 * ValidateServiceAccount}; named for the table's sake and for future token rules.
 */
public class ServiceAccountStrategy implements ResourceStrategy {}
