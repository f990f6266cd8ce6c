package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangesTest {

  @Test
  void should_resolve_named_ports_and_normalize_ranges() {
    assertThat(PortRanges.normalizeOpaquePorts("3000, 5000-6000,mysql,7-7,", Map.of("mysql", 3306)))
        .isEqualTo("3000,5000-6000,3306,7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"70000", "10-5", "a-b", "1-2-3", "mysql", "-1"})
  void should_reject_invalid_entries(String item) {
    assertThatThrownBy(() -> PortRanges.normalizeOpaquePorts("25," + item, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid port range [" + item + "]");
  }

  @Test
  void should_validate_port_lists() {
    PortRanges.validatePortList("22,8100-8102, 4567,");
    assertThatThrownBy(() -> PortRanges.validatePortList("22,http"))
        .hasMessageContaining("\"http\" is not a valid TCP port");
  }

  @Test
  void should_check_cidrs() {
    assertThat(Cidr.isValid("10.0.0.0/8")).isTrue();
    assertThat(Cidr.isValid("fd00::/8")).isTrue();
    assertThat(Cidr.isValid("::ffff:10.0.0.1/128")).isTrue();
    assertThat(Cidr.isValid("10.0.0.0")).isFalse();
    assertThat(Cidr.isValid("10.0.0.256/8")).isFalse();
    assertThat(Cidr.isValid("10.0.0.0/33")).isFalse();
    assertThat(Cidr.isValid("fd00:::1/8")).isFalse();
  }
}
