package io.meshsdk.core.linkerd;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.values.HelmValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartPodAnnotationsTest {

  private static final HelmValues CHART =
      HelmValues.fromYaml(
          """
          replicas: 3
          podAnnotations: {}
          master:
            podAnnotations:
              prometheus.io/scrape: "true"
            nested:
              deeper:
                podAnnotations:
          ingest:
            podAnnotations: "{{ .Values.x }}"
          workers:
          - name: a
            podAnnotations: {team: a}
          - name: b
          sidecar:
            image: x
          """,
          "chart-values.yaml");

  @Test
  void should_annotate_every_pod_annotations_map_keeping_existing_entries() {
    PodAnnotationOverrides o = ChartPodAnnotations.meshOverrides(CHART);
    assertThat(o.overrides().toYaml())
        .isEqualTo(
            """
            podAnnotations:
              linkerd.io/inject: enabled
            master:
              podAnnotations:
                prometheus.io/scrape: 'true'
                linkerd.io/inject: enabled
              nested:
                deeper:
                  podAnnotations:
                    linkerd.io/inject: enabled
            workers:
            - name: a
              podAnnotations:
                team: a
                linkerd.io/inject: enabled
            - name: b
            """);
    assertThat(o.paths())
        .containsExactly(
            "podAnnotations",
            "master.podAnnotations",
            "master.nested.deeper.podAnnotations",
            "workers[0].podAnnotations");
    assertThat(o.warnings())
        .containsExactly(
            "ingest.podAnnotations is not a map (a string); left alone: add the annotations to it"
                + " by hand");
  }

  @Test
  void should_produce_overrides_that_helm_merges_into_the_chart() {
    PodAnnotationOverrides o = ChartPodAnnotations.meshOverrides(CHART);
    HelmValues merged = o.overrides().coalesceOnto(CHART).values();
    assertThat(merged.get("master.podAnnotations"))
        .contains(Map.of("prometheus.io/scrape", "true", "linkerd.io/inject", "enabled"));
    assertThat(merged.get("replicas")).contains(3);
    assertThat(merged.get("workers[1].name")).contains("b");
  }

  @Test
  void should_add_custom_annotations_and_warn_on_replacement() {
    HelmValues chart = HelmValues.fromYaml("podAnnotations: {linkerd.io/inject: ingress}", "c");
    PodAnnotationOverrides o =
        ChartPodAnnotations.overrides(chart, Map.of("linkerd.io/inject", "enabled"));
    assertThat(o.overrides().get("podAnnotations"))
        .contains(Map.of("linkerd.io/inject", "enabled"));
    assertThat(o.warnings())
        .containsExactly("podAnnotations: replaced linkerd.io/inject: ingress with enabled");
    assertThat(o.keptOptOuts()).isEmpty();
  }

  @Test
  void should_keep_an_explicit_opt_out_and_report_it() {
    HelmValues chart =
        HelmValues.fromYaml(
            "podAnnotations: {linkerd.io/inject: disabled}\n" + "data: {podAnnotations: {a: b}}\n",
            "c");
    PodAnnotationOverrides o = ChartPodAnnotations.meshOverrides(chart);
    assertThat(o.overrides().get("podAnnotations")).isEmpty();
    assertThat(o.overrides().get("data.podAnnotations"))
        .contains(Map.of("a", "b", "linkerd.io/inject", "enabled"));
    assertThat(o.paths()).containsExactly("data.podAnnotations");
    assertThat(o.keptOptOuts()).containsExactly("podAnnotations");
    assertThat(o.warnings())
        .containsExactly(
            "podAnnotations: kept linkerd.io/inject: disabled"
                + " (the chart's explicit opt-out); remove it to mesh these pods");
    // other annotations still go in beside the kept opt-out
    PodAnnotationOverrides both =
        ChartPodAnnotations.overrides(chart, Map.of("linkerd.io/inject", "enabled"));
    assertThat(both.keptOptOuts()).containsExactly("podAnnotations");
  }

  @Test
  void should_say_when_the_chart_declares_no_pod_annotations() {
    PodAnnotationOverrides o = ChartPodAnnotations.meshOverrides(HelmValues.fromYaml("a: 1", "c"));
    assertThat(o.overrides().isEmpty()).isTrue();
    assertThat(o.paths()).isEmpty();
    assertThat(o.warnings()).containsExactly("the chart declares no podAnnotations map");
  }
}
