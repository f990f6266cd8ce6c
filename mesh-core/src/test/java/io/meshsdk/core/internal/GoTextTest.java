package io.meshsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTextTest {

  @ParameterizedTest
  @CsvSource({
    "0.5, 0.5",
    "3, 3",
    "123456, 123456",
    "1000000, 1e+06",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1e21, 1e+21",
    "-2.5, -2.5"
  })
  void should_format_floats_as_go_prints_them(double d, String want) {
    assertThat(GoText.formatFloat(d)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"abc|\"abc\"", "a\"b|\"a\\\"b\"", "tab\there|\"tab\\there\""})
  void should_quote_as_go_does(String s, String want) {
    assertThat(GoText.quote(s)).isEqualTo(want);
  }
}
