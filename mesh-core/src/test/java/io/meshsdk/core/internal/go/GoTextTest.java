package io.meshsdk.core.internal.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
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
    "-2.5, -2.5",
    "1e23, 1e+23",
    "5.684341886080802e-14, 5.684341886080802e-14",
    "0.1, 0.1",
    "4.35, 4.35",
    "9007199254740993, 9.007199254740992e+15",
    "4.9e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308"
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

  @ParameterizedTest
  @CsvSource({
    "2.82879384806159e17, 282879384806159000",
    "1e23, 1e+23",
    "1e21, 1e+21",
    "1e-7, 1e-7",
    "0.000001, 0.000001",
    "3, 3"
  })
  void should_format_json_numbers_as_go_does(double d, String want) {
    assertThat(GoText.jsonNumber(d)).isEqualTo(want);
  }

  @Test
  void should_format_the_shortest_text_that_reads_back_as_the_same_double() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(d) || d == 0) {
        continue;
      }
      String go = GoText.formatFloat(d);
      assertThat(Double.parseDouble(go)).as(go).isEqualTo(d);
      String mantissa = new BigDecimal(go).abs().stripTrailingZeros().unscaledValue().toString();
      String java =
          new BigDecimal(Double.toString(Math.abs(d)))
              .stripTrailingZeros()
              .unscaledValue()
              .toString();
      assertThat(mantissa.length()).as("%s vs %s", go, d).isLessThanOrEqualTo(java.length());
    }
  }
}
