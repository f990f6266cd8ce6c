package io.meshsdk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "60d, PT1440H",
    "1440h, PT1440H",
    "P60D, PT1440H",
    "PT1440H, PT1440H",
    "1d12h, PT36H",
    "90m, PT1H30M",
    "45s, PT45S",
    "pt2h, PT2H"
  })
  void should_parse_days_hours_and_iso(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "60", "d", "60 days", "-5d", "P", "1y", "99999999999999999999d"})
  void should_reject_other_forms(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("use e.g. 60d, 1440h");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "P60D, 60 days",
    "P1D, 1 day",
    "PT36H, 36 hours",
    "PT1H, 1 hour",
    "PT90M, 90 minutes",
    "PT45S, 45 seconds",
    "PT1.5S, PT1.5S"
  })
  void should_name_durations_in_their_largest_whole_unit(String iso, String text) {
    assertThat(Durations.describe(Duration.parse(iso))).isEqualTo(text);
  }
}
