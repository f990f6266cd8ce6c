package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  @ParameterizedTest
  @CsvSource({
    "0.5, 500m",
    "1, 1",
    "1000m, 1",
    "1500m, 1500m",
    "0.1, 100m",
    "100m, 100m",
    "1000, 1k",
    "1k, 1k",
    "100M, 100M",
    "256Mi, 256Mi",
    "1024Mi, 1Gi",
    "1.5Gi, 1536Mi",
    "0.5Gi, 512Mi",
    "1.5Ki, 1536",
    "1e3, 1e3",
    "1.5e3, 1500",
    "0, 0",
    "0.0001m, 100n",
    "0.0000001m, 1n",
    "-500m, -500m",
    "+1, +1",
    "01, 01"
  })
  void should_canonicalize_like_kubernetes(String in, String out) {
    assertThat(Quantity.parse(in).canonical()).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1x", "1.2.3", "1Kix", "1 Gi", "--1"})
  void should_reject_what_kubernetes_rejects(String in) {
    assertThatThrownBy(() -> Quantity.parse(in)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"0.5, 1", "1, 1", "1500m, 2", "110m, 1", "2, 2", "0, 0"})
  void should_round_up_to_whole_cores(String in, long cores) {
    assertThat(Quantity.parse(in).wholeCores()).isEqualTo(cores);
  }
}
