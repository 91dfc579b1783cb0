package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * An amount of compute resources (cpu in millicores, memory and ephemeral storage in bytes, a pod
 * count, scalar resources by name): a node's allocatable, the sum requested by its pods, or one
 * pod's request. Mutable and unsynchronized; owned by one {@link NodeInfo} or {@link PodInfo}.
 */
public final class Resource {

  private long milliCpu;
  private long memory;
  private long ephemeralStorage;
  private long allowedPodNumber;
  private Map<String, Long> scalars;

  /** The sum of a resource list (node allocatable, container requests, pod overhead). */
  public static Resource of(Map<String, Quantity> list) {
    Resource resource = new Resource();
    resource.add(list);
    return resource;
  }

  public void add(Map<String, Quantity> list) {
    if (list == null) {
      return;
    }
    list.forEach(
        (name, quantity) -> {
          switch (name) {
            case ResourceNames.CPU -> milliCpu += Quantities.milliValue(quantity);
            case ResourceNames.MEMORY -> memory += Quantities.value(quantity);
            case ResourceNames.EPHEMERAL_STORAGE -> ephemeralStorage += Quantities.value(quantity);
            case ResourceNames.PODS -> allowedPodNumber += Quantities.value(quantity);
            default -> {
              if (ResourceNames.isScalar(name)) {
                addScalar(name, Quantities.value(quantity));
              }
            }
          }
        });
  }

  public void add(Resource other) {
    milliCpu += other.milliCpu;
    memory += other.memory;
    ephemeralStorage += other.ephemeralStorage;
    allowedPodNumber += other.allowedPodNumber;
    if (other.scalars != null) {
      other.scalars.forEach(this::addScalar);
    }
  }

  public void subtract(Resource other) {
    milliCpu -= other.milliCpu;
    memory -= other.memory;
    ephemeralStorage -= other.ephemeralStorage;
    allowedPodNumber -= other.allowedPodNumber;
    if (other.scalars != null) {
      other.scalars.forEach((name, value) -> addScalar(name, -value));
    }
  }

  /** Raises each amount to at least the other's (init containers run one at a time). */
  public void setMax(Resource other) {
    milliCpu = Math.max(milliCpu, other.milliCpu);
    memory = Math.max(memory, other.memory);
    ephemeralStorage = Math.max(ephemeralStorage, other.ephemeralStorage);
    allowedPodNumber = Math.max(allowedPodNumber, other.allowedPodNumber);
    if (other.scalars != null) {
      other.scalars.forEach((name, value) -> setScalar(name, Math.max(scalar(name), value)));
    }
  }

  void addCpuAndMemory(long addedMilliCpu, long addedMemory) {
    milliCpu += addedMilliCpu;
    memory += addedMemory;
  }

  public void addScalar(String name, long value) {
    setScalar(name, scalar(name) + value);
  }

  private void setScalar(String name, long value) {
    if (scalars == null) {
      scalars = new HashMap<>(4);
    }
    scalars.put(name, value);
  }

  public Resource copy() {
    Resource copy = new Resource();
    copy.copyFrom(this);
    return copy;
  }

  void copyFrom(Resource other) {
    milliCpu = other.milliCpu;
    memory = other.memory;
    ephemeralStorage = other.ephemeralStorage;
    allowedPodNumber = other.allowedPodNumber;
    scalars = other.scalars == null ? null : new HashMap<>(other.scalars);
  }

  public long milliCpu() {
    return milliCpu;
  }

  public long memory() {
    return memory;
  }

  public long ephemeralStorage() {
    return ephemeralStorage;
  }

  public long allowedPodNumber() {
    return allowedPodNumber;
  }

  public long scalar(String name) {
    return scalars == null ? 0 : scalars.getOrDefault(name, 0L);
  }

  /** Scalar resources by name; empty if none. */
  public Map<String, Long> scalars() {
    return scalars == null ? Map.of() : Collections.unmodifiableMap(scalars);
  }

  /** The amount of one named resource in its scheduler unit (millicores for cpu). */
  public long get(String name) {
    return switch (name) {
      case ResourceNames.CPU -> milliCpu;
      case ResourceNames.MEMORY -> memory;
      case ResourceNames.EPHEMERAL_STORAGE -> ephemeralStorage;
      case ResourceNames.PODS -> allowedPodNumber;
      default -> scalar(name);
    };
  }

  public boolean isZero() {
    return milliCpu == 0
        && memory == 0
        && ephemeralStorage == 0
        && (scalars == null || scalars.values().stream().allMatch(v -> v == 0));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Resource that
        && milliCpu == that.milliCpu
        && memory == that.memory
        && ephemeralStorage == that.ephemeralStorage
        && allowedPodNumber == that.allowedPodNumber
        && scalars().equals(that.scalars());
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(milliCpu, memory, ephemeralStorage, allowedPodNumber, scalars());
  }

  @Override
  public String toString() {
    return "Resource{cpu="
        + milliCpu
        + "m, memory="
        + memory
        + ", ephemeral-storage="
        + ephemeralStorage
        + ", pods="
        + allowedPodNumber
        + (scalars == null ? "" : ", " + scalars)
        + "}";
  }
}
