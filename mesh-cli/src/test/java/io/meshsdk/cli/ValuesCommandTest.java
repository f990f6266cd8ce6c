package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.values.HelmValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesCommandTest {
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  private String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  private static void assertFailed(CliRun run, int exit, String errStart) {
    assertThat(run.exit()).isEqualTo(exit);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(errStart);
  }

  @Test
  void should_print_the_raw_parse_as_json_without_defaults() {
    CliRun run = CliRun.of("values", "--no-defaults", "--set", "a.b[1]=x", "-o", "json");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("{\"a\":{\"b\":[null,\"x\"]}}\n");
    assertThat(run.err()).isEmpty();
    assertThat(CliRun.of("values", "--no-defaults", "--set", "a=null", "-o", "json").out())
        .isEqualTo("{\"a\":null}\n");
  }

  @Test
  void should_parse_sets_into_the_files_in_helms_order() throws Exception {
    String seed = file("seed.json", "{\"list\": [0, 1]}");
    String more = file("more.yaml", "b: 1\n");
    CliRun run =
        CliRun.of(
            "values",
            "--no-defaults",
            "-f",
            seed + "," + more,
            "--set-literal",
            "s=lit",
            "--set",
            "list[2]=2,s=set",
            "-o",
            "json");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("{\"list\":[0,1,2],\"b\":1,\"s\":\"lit\"}\n");
  }

  @Test
  void should_exit_2_with_one_line_and_no_output_on_bad_set() {
    CliRun run = CliRun.of("values", "--no-defaults", "--set", "name1,name2=", "-o", "json");
    assertFailed(
        run, 2, "mesh: invalid --set \"name1,name2=\" at character 6: key \"name1\" has no value");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void should_print_the_ha_values_on_the_linkerd_defaults() {
    CliRun run = CliRun.of("values", "--ha");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    HelmValues v = HelmValues.fromYaml(run.out(), "stdout");
    assertThat(v.get("controllerReplicas")).contains(3);
    assertThat(v.get("highAvailability")).contains(true);
    assertThat(v.get("linkerdVersion")).contains("edge-26.8.3");
    assertThat(v.get("controllerResources.cpu.request")).contains("100m");
    assertThat(v.get("proxy.image.name")).contains("cr.l5d.io/linkerd/proxy");
  }

  @Test
  void should_warn_about_unknown_keys_and_fail_on_them_with_strict() {
    CliRun run = CliRun.of("values", "--set", "proxyinit.runAsRoot=true", "-o", "json");
    assertThat(run.exit()).isZero();
    assertThat(run.err())
        .isEqualTo(
            "warning: unknown key proxyinit.runAsRoot — did you mean proxyInit.runAsRoot?" + NL);
    assertThat(HelmValues.fromYaml(run.out(), "out").get("proxyinit.runAsRoot")).contains(true);

    CliRun strict = CliRun.of("values", "--set", "proxyinit.runAsRoot=true", "--strict");
    assertFailed(
        strict,
        1,
        "mesh: keys unknown to linkerd-control-plane (--strict): unknown key"
            + " proxyinit.runAsRoot — did you mean proxyInit.runAsRoot?");
  }

  @Test
  void should_not_check_keys_without_defaults_unless_a_chart_is_named() {
    assertThat(CliRun.of("values", "--no-defaults", "--set", "foo=1").err()).isEmpty();
    assertThat(
            CliRun.of(
                    "values", "--no-defaults", "--chart", "linkerd-control-plane", "--set", "foo=1")
                .err())
        .isEqualTo("warning: unknown key foo" + NL);
  }

  @Test
  void should_validate_the_viz_prometheus_rules() {
    CliRun ok = CliRun.of("values", "--chart", "linkerd-viz", "-o", "json");
    assertThat(ok.exit()).isZero();
    assertThat(ok.err()).isEmpty();
    CliRun none =
        CliRun.of("values", "--chart", "linkerd-viz", "--set", "prometheus.enabled=false");
    assertFailed(none, 1, "mesh: viz needs a Prometheus");
    CliRun both =
        CliRun.of("values", "--chart", "linkerd-viz", "--set", "prometheusUrl=http://p:9090");
    assertThat(both.exit()).isZero();
    assertThat(both.err()).startsWith("warning: prometheusUrl is set");
  }

  @Test
  void should_exit_2_on_bad_usage() {
    assertFailed(CliRun.of("values", "--chart", "nope"), 2, "mesh: unknown --chart 'nope'");
    assertFailed(
        CliRun.of("values", "--chart", "linkerd-viz", "--ha"),
        2,
        "mesh: --ha applies only to linkerd-control-plane");
    assertFailed(CliRun.of("values", "-o", "xml"), 2, "mesh: Invalid value for option '--output'");
    assertFailed(CliRun.of("values", "--annotation", "a=b"), 2, "mesh: --annotation applies only");
  }

  @Test
  void should_read_set_file_and_name_a_missing_one() throws Exception {
    String pem = file("ca.crt", "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
    CliRun run = CliRun.of("values", "--set-file", "identityTrustAnchorsPEM=" + pem);
    assertThat(run.exit()).isZero();
    assertThat(HelmValues.fromYaml(run.out(), "out").get("identityTrustAnchorsPEM"))
        .contains("-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
    CliRun missing = CliRun.of("values", "--set-file", "a=" + dir.resolve("none.pem"));
    assertFailed(missing, 1, "mesh: invalid --set-file");
    assertThat(missing.err()).contains("none.pem");
  }

  @Test
  void should_name_a_bad_values_file() throws Exception {
    String bad = file("bad.yaml", "a: [1\n");
    assertFailed(CliRun.of("values", "-f", bad), 1, "mesh: " + bad + ": line ");
    assertFailed(
        CliRun.of("values", "-f", dir.resolve("none.yaml").toString()), 1, "mesh: values file");
  }

  @Test
  void should_print_overrides_that_mesh_a_third_party_chart() throws Exception {
    String chart =
        file("es.yaml", "replicas: 3\npodAnnotations: {}\nmaster:\n  podAnnotations: {a: b}\n");
    CliRun run = CliRun.of("values", "--mesh-pods-of", chart);
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            "podAnnotations:\n  linkerd.io/inject: enabled\nmaster:\n  podAnnotations:\n    a: b\n"
                + "    linkerd.io/inject: enabled\n");
    CliRun custom =
        CliRun.of(
            "values",
            "--mesh-pods-of",
            chart,
            "--annotation",
            "config.linkerd.io/skip-inbound-ports=9300",
            "-o",
            "json");
    assertThat(custom.out())
        .isEqualTo(
            "{\"podAnnotations\":{\"config.linkerd.io/skip-inbound-ports\":\"9300\"},"
                + "\"master\":{\"podAnnotations\":{\"a\":\"b\","
                + "\"config.linkerd.io/skip-inbound-ports\":\"9300\"}}}\n");
  }

  @Test
  void should_refuse_mesh_pods_of_without_pod_annotations_or_with_other_flags() throws Exception {
    String chart = file("plain.yaml", "replicas: 3\n");
    assertFailed(
        CliRun.of("values", "--mesh-pods-of", chart),
        1,
        "mesh: " + chart + " declares no podAnnotations map");
    assertFailed(
        CliRun.of("values", "--mesh-pods-of", chart, "--set", "a=1"),
        2,
        "mesh: --mesh-pods-of takes only --annotation and -o");
    assertFailed(
        CliRun.of("values", "--mesh-pods-of", chart, "--annotation", "novalue"),
        2,
        "mesh: --annotation 'novalue' must be KEY=VALUE");
  }
}
