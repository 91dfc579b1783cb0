package io.pilothouse.registry;

/**
 * An IPv4 CIDR such as {@code 127.96.0.0/12}, with its addresses as numbers: the range a service
 * cluster IP is allocated from. The network and broadcast addresses are not allocatable, as
 * upstream's allocator leaves them out.
 */
public record IpRange(String cidr, long network, int prefix) {

  /** Parses {@code a.b.c.d/n}; the address is masked to its network. */
  public static IpRange parse(String cidr) {
    String[] parts = cidr.trim().split("/", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("not an IPv4 CIDR: " + cidr);
    }
    int prefix = Integer.parseInt(parts[1]);
    Long address = toNumber(parts[0]);
    if (address == null || prefix < 8 || prefix > 30) {
      throw new IllegalArgumentException("not an IPv4 CIDR with a prefix of 8 to 30: " + cidr);
    }
    long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return new IpRange(cidr.trim(), address & mask, prefix);
  }

  /** The number of an IPv4 address in dotted form, or {@code null} if it is not one. */
  public static Long toNumber(String ip) {
    String[] octets = ip.split("\\.", -1);
    if (octets.length != 4) {
      return null;
    }
    long value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int part = Integer.parseInt(octet);
      if (part > 255) {
        return null;
      }
      value = (value << 8) | part;
    }
    return value;
  }

  /** The dotted form of an address number. */
  public static String toText(long address) {
    return ((address >> 24) & 255)
        + "."
        + ((address >> 16) & 255)
        + "."
        + ((address >> 8) & 255)
        + "."
        + (address & 255);
  }

  /** The first allocatable address (after the network address). */
  public long first() {
    return network + 1;
  }

  /** The last allocatable address (before the broadcast address). */
  public long last() {
    return network + (1L << (32 - prefix)) - 2;
  }

  /** Whether an address number is allocatable in this range. */
  public boolean contains(long address) {
    return address >= first() && address <= last();
  }

  /** How many addresses can be allocated. */
  public long size() {
    return last() - first() + 1;
  }
}
