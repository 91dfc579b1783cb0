package io.pilothouse.registry.strategy;

/**
 * The strategy of kinds with no rules of their own beyond what the registry does for all: no
 * defaults, no validation past the shared metadata rules, no status subresource.
 */
public class GenericStrategy implements ResourceStrategy {}
