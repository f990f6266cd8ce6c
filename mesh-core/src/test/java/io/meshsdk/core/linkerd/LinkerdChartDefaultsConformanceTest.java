package io.meshsdk.core.linkerd;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.testing.Conformance;
import io.meshsdk.core.values.HelmValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our chart resources hold the same data as Linkerd's values files at b24cd40
 * (conformance/linkerd/chart), read in place.
 */
class LinkerdChartDefaultsConformanceTest {

  private static HelmValues shared(String file) throws Exception {
    Path p = Conformance.resolve("linkerd", "chart", file);
    String text =
        Files.readString(p, StandardCharsets.UTF_8)
            .replace("linkerdVersionValue", MeshSdk.linkerdVersion());
    return HelmValues.fromYaml(text, p.toString());
  }

  @Test
  void should_carry_the_control_plane_values_merged_with_the_crds_values() throws Exception {
    HelmValues expected =
        shared("linkerd-control-plane.values.yaml").merge(shared("linkerd-crds.values.yaml"));
    assertThat(LinkerdChart.CONTROL_PLANE.defaults()).isEqualTo(expected);
    assertThat(LinkerdChart.CONTROL_PLANE.defaults().get("linkerdVersion")).contains("edge-26.8.3");
    assertThat(LinkerdChart.CONTROL_PLANE.defaults().get("installGatewayAPI")).contains(false);
  }

  @Test
  void should_carry_the_ha_overlay() throws Exception {
    assertThat(LinkerdChart.CONTROL_PLANE.haValues())
        .contains(shared("linkerd-control-plane.values-ha.yaml"));
    assertThat(LinkerdChart.VIZ.haValues()).isEmpty();
  }

  @Test
  void should_carry_the_viz_values() throws Exception {
    assertThat(LinkerdChart.VIZ.defaults()).isEqualTo(shared("linkerd-viz.values.yaml"));
  }

  @Test
  void should_treat_partials_as_an_empty_subchart() throws Exception {
    assertThat(shared("partials.values.yaml").isEmpty()).isTrue();
    for (LinkerdChart chart : LinkerdChart.values()) {
      assertThat(chart.chart().subcharts()).hasSize(1);
      assertThat(chart.chart().subcharts().get(0).name()).isEqualTo("partials");
      assertThat(chart.chart().subcharts().get(0).values().isEmpty()).isTrue();
      assertThat(HelmValues.empty().coalesceOnto(chart.chart()).values().get("partials"))
          .contains(Map.of("global", Map.of()));
    }
  }
}
