package io.pilothouse.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PodIpAllocatorTest {

  @Test
  void allocatesLoopbackAddressesSkippingReservedOnesAndHonoursRequests() {
    PodIpAllocator ips = new PodIpAllocator("127.200.7.0/30");
    assertThat(ips.allocate(null)).isEqualTo("127.200.7.2");
    assertThatThrownBy(() -> ips.allocate(null)).isInstanceOf(ContainerRuntimeException.class);
    ips.release("127.200.7.2");
    PodIpAllocator big = new PodIpAllocator("127.200.8.0/24");
    assertThat(big.allocate("127.200.8.77")).isEqualTo("127.200.8.77");
    assertThat(big.allocate("127.200.8.77")).isNotEqualTo("127.200.8.77");
    assertThat(big.allocate("10.0.0.1")).startsWith("127.200.8.");
  }

  @Test
  void rejectsCidrsOutsideLoopback() {
    assertThatThrownBy(() -> new PodIpAllocator("10.244.0.0/24"))
        .hasMessageContaining("127.0.0.0/8");
    assertThatThrownBy(() -> new PodIpAllocator("127.1.0.0")).hasMessageContaining("/prefix");
  }
}
