package io.meshsdk.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API server's label selector grammar, over the labels {app: web, tier: front}. */
class LabelSelectorTest {
  private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|true",
        "app|true",
        "!app|false",
        "!missing|true",
        "app=web|true",
        "app==web|true",
        "app=api|false",
        "app!=api|true",
        "missing!=x|true",
        "app in (web, api)|true",
        "app in (api)|false",
        "app notin (api)|true",
        "app notin (web)|false",
        "missing notin (web)|true",
        "missing in (web)|false",
        "app=web,tier in (front,back)|true",
        "app=web,tier notin (front)|false",
        "app in (web,api),!missing,tier|true",
      })
  void should_match_as_the_api_server_does(String selector, boolean matches) {
    assertThat(LabelSelector.parse(selector).matches(LABELS)).isEqualTo(matches);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app in web",
        "app in (web",
        "app foo (x)",
        ",app",
        "app=we b",
        "-bad-key=x",
        "app in (a,b c)"
      })
  void should_refuse_what_the_api_server_cannot_parse(String selector) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unable to parse requirement")
        .hasMessageContaining(selector);
  }
}
