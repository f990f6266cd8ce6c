package io.meshsdk.core.internal.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1ns, 1",
    "1us, 1000",
    "1\u00b5s, 1000",
    "100ms, 100000000",
    "1.5s, 1500000000",
    "1.s, 1000000000",
    ".5s, 500000000",
    "1m, 60000000000",
    "1h2m3.5s, 3723500000000",
    "-1s, -1000000000",
    "+5m, 300000000000",
    "2562047h47m16.854775807s, 9223372036854775807"
  })
  void should_parse_like_go(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(nanos);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "abc", "1x", "s", ".s", "-", "1h-2m", "9999999999999999999s"})
  void should_reject_what_go_rejects(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("time: ");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "1500, 1.5\u00b5s",
    "100000000, 100ms",
    "1000000000, 1s",
    "1500000000, 1.5s",
    "60000000000, 1m0s",
    "3661000000000, 1h1m1s",
    "-1000000000, -1s"
  })
  void should_format_like_go(long nanos, String text) {
    assertThat(GoDuration.format(nanos)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"1.1s, 1.1", "100ms, 0.1", "90s, 90.0"})
  void should_compute_seconds_like_go(String text, double seconds) {
    assertThat(GoDuration.seconds(GoDuration.parse(text))).isEqualTo(seconds);
  }
}
