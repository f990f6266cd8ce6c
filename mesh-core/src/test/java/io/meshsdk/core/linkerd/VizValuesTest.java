package io.meshsdk.core.linkerd;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.report.Severity;
import io.meshsdk.core.values.SetFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

class VizValuesTest {

  private static VizValues viz(String set) {
    return VizValues.of(LinkerdChart.VIZ.valuesBuilder().set(set).build().values());
  }

  @Test
  void should_use_the_bundled_prometheus_by_default() {
    VizValues v = VizValues.defaults();
    assertThat(v.validate()).isEmpty();
    assertThat(v.effectivePrometheusUrl("linkerd-viz"))
        .contains("http://prometheus.linkerd-viz.svc.cluster.local:9090");
  }

  @Test
  void should_prefer_an_external_prometheus_and_warn_about_the_unused_bundled_one() {
    VizValues v = viz("prometheusUrl=http://prom.monitoring:9090");
    assertThat(v.effectivePrometheusUrl("linkerd-viz")).contains("http://prom.monitoring:9090");
    assertThat(v.validate())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.path()).isEqualTo("prometheus.enabled");
            });
    assertThat(viz("prometheusUrl=http://prom.monitoring:9090,prometheus.enabled=false").validate())
        .isEmpty();
  }

  @Test
  void should_refuse_viz_without_any_prometheus() {
    VizValues v = viz("prometheus.enabled=false");
    assertThat(v.effectivePrometheusUrl("linkerd-viz")).isEmpty();
    List<ValuesProblem> p = v.validate();
    assertThat(p)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.severity()).isEqualTo(Severity.ERROR);
              assertThat(e.message())
                  .contains("prometheus.enabled=true")
                  .contains("prometheusUrl=<URL>");
              assertThat(e.toString()).startsWith("error: viz needs a Prometheus");
            });
  }

  @Test
  void should_refuse_a_prometheus_url_that_is_not_http() {
    assertThat(viz("prometheusUrl=prom:9090,prometheus.enabled=false").validate())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .isEqualTo(
                        "prometheusUrl must be an http:// or https:// URL with a host, not \"prom:9090\""));
  }

  @Test
  void should_refuse_both_grafana_urls_and_check_their_forms() {
    assertThat(
            viz("grafana.url=grafana.grafana:3000,grafana.externalUrl=https://g.example.com")
                .validate())
        .extracting(ValuesProblem::path)
        .containsExactly("grafana");
    assertThat(viz("grafana.url=http://grafana.grafana:3000").validate())
        .extracting(ValuesProblem::severity, ValuesProblem::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "grafana.url"));
    assertThat(viz("grafana.externalUrl=grafana.example.com").validate())
        .extracting(ValuesProblem::path)
        .containsExactly("grafana.externalUrl");
    assertThat(viz("grafana.url=grafana.grafana:3000").validate()).isEmpty();
  }

  @Test
  void should_report_wrong_types_as_errors() {
    VizValues v = VizValues.of(SetFlag.SET_STRING.parse("prometheus.enabled=false"));
    assertThat(v.validate())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("prometheus.enabled is a string"));
    assertThat(viz("prometheusCredsSecret=creds").validate())
        .extracting(ValuesProblem::path)
        .containsExactly("prometheusCredsSecret");
  }

  @Test
  void should_name_a_wrongly_typed_creds_secret_and_still_check_grafana() {
    VizValues v =
        viz(
            "prometheusCredsSecret.x=1,grafana.url=grafana.grafana:3000,"
                + "grafana.externalUrl=https://g.example.com");

    assertThat(v.validate())
        .extracting(ValuesProblem::path)
        .containsExactly("prometheusCredsSecret", "grafana");
  }
}
