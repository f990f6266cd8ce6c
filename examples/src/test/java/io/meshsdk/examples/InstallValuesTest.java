package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.LinkerdValues;
import io.meshsdk.core.linkerd.VizValues;
import io.meshsdk.core.values.HelmValues;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link InstallValues}: the files it writes, read back as {@code helm install -f} reads them. */
class InstallValuesTest {
  private static final String PROMETHEUS = "http://prometheus.monitoring.svc.cluster.local:9090";
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        InstallValues.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void should_write_ha_control_plane_values_that_helm_layers_onto_the_chart() throws Exception {
    Run r = run(dir.toString(), PROMETHEUS, "--set", "proxyInit.runAsRoot=true");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Path file = dir.resolve("linkerd-control-plane.yaml");
    HelmValues written = HelmValues.fromFile(file);
    HelmValues ha = LinkerdChart.CONTROL_PLANE.haValues().orElseThrow();
    assertThat(written.merge(ha)).as("every key of values-ha.yaml, as it is").isEqualTo(written);
    LinkerdValues installed =
        LinkerdValues.of(
            LinkerdChart.CONTROL_PLANE.valuesBuilder().valuesFile(file).build().values());
    assertThat(installed.highAvailability()).isTrue();
    assertThat(installed.controllerReplicas()).isEqualTo(3);
    assertThat(installed.proxyInit().runAsRoot()).isTrue();
    assertThat(installed.proxy().resources().cpuRequest()).isEqualTo("100m");
    assertThat(r.out())
        .startsWith("linkerd-control-plane: high availability true, 3 controller replicas, proxy ")
        .endsWith("linkerd-viz: metrics from " + PROMETHEUS + "\n");
  }

  @Test
  void should_write_viz_values_with_the_external_prometheus_and_no_bundled_one() throws Exception {
    Run r = run(dir.toString(), PROMETHEUS);

    assertThat(r.code()).as(r.err()).isZero();
    Path file = dir.resolve("linkerd-viz.yaml");
    assertThat(Files.readString(file))
        .isEqualTo("prometheusUrl: " + PROMETHEUS + "\nprometheus:\n  enabled: false\n");
    VizValues viz =
        VizValues.of(LinkerdChart.VIZ.valuesBuilder().valuesFile(file).build().values());
    assertThat(viz.prometheusEnabled()).isFalse();
    assertThat(viz.effectivePrometheusUrl("linkerd-viz")).hasValue(PROMETHEUS);
    assertThat(viz.validate()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a typo in a key | " + PROMETHEUS + " | proxyinit.runAsRoot=true | proxyInit.runAsRoot",
        "a Prometheus without scheme | prometheus.monitoring:9090 | proxy.logLevel=debug"
            + " | prometheusUrl",
      })
  void should_refuse_wrong_values_and_write_nothing(
      String name, String prometheus, String set, String named) {
    Run r = run(dir.toString(), prometheus, "--set", set);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains(named);
    assertThat(dir.resolve("linkerd-control-plane.yaml")).doesNotExist();
    assertThat(dir.resolve("linkerd-viz.yaml")).doesNotExist();
  }

  @Test
  void should_refuse_arguments_other_than_set_as_usage() {
    Run r = run(dir.toString(), PROMETHEUS, "--ha", "true");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("usage: InstallValues ");
    assertThat(dir.resolve("linkerd-control-plane.yaml")).doesNotExist();
  }
}
