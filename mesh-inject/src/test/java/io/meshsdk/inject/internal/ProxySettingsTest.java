package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.inject.Injector;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one table of proxy settings is consistent with the chart, the flags and the annotations. */
class ProxySettingsTest {

  static Stream<ProxySettings.Setting> settings() {
    return ProxySettings.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("settings")
  void should_name_a_values_path_linkerds_chart_knows(ProxySettings.Setting s) {
    assertThat(LinkerdChart.CONTROL_PLANE.keySchema().isKnown(s.path())).as(s.path()).isTrue();
    if (s.annotation() != null) {
      assertThat(s.annotation()).matches("(config\\.(alpha\\.)?linkerd\\.io/|linkerd\\.io/).+");
    } else {
      assertThat(s.parse()).isEqualTo(ProxySettings.Parse.NONE);
    }
  }

  @Test
  void should_hold_each_path_annotation_and_flag_once() {
    Set<String> paths = new HashSet<>();
    Set<String> annotations = new HashSet<>();
    for (ProxySettings.Setting s : ProxySettings.ALL) {
      assertThat(paths.add(s.path())).as("path %s", s.path()).isTrue();
      if (s.annotation() != null) {
        assertThat(annotations.add(s.annotation())).as("annotation %s", s.annotation()).isTrue();
      }
    }
    assertThat(LinkerdFlags.names()).containsAll(ProxySettings.byFlag().keySet());
  }

  private static String sample(ProxySettings.Setting s) {
    if (s.parse() == ProxySettings.Parse.QUANTITY) {
      return "3Gi";
    }
    switch (s.type()) {
      case BOOL: // the opposite of the chart's default
        return String.valueOf(
            !(Boolean) s.get().apply(ProxyValues.from(LinkerdChart.CONTROL_PLANE.defaults())));
      case PORT:
      case INT64:
        return "4321";
      default:
        return s.flag().equals("default-inbound-policy")
            ? "deny"
            : s.flag().contains("ports") ? "4000" : "x-" + s.flag();
    }
  }

  static Stream<ProxySettings.Setting> flagsWithAnnotations() {
    return settings().filter(s -> s.flag() != null && s.overrideAnnotation());
  }

  @ParameterizedTest
  @MethodSource("flagsWithAnnotations")
  void should_turn_each_flag_into_its_override_annotation(ProxySettings.Setting s) {
    HelmValues installed = LinkerdChart.CONTROL_PLANE.defaults();
    Map<String, String> annotations =
        Injector.builder()
            .installedValues(installed)
            .linkerdFlag(s.flag(), sample(s))
            .build()
            .overrideAnnotations();
    assertThat(annotations).containsEntry(s.annotation(), sample(s));
    assertThat(List.copyOf(annotations.keySet())).containsExactly(s.annotation());
  }
}
