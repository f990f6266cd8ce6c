package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MeshChartValues} on {@code search-values.yaml}, an Elasticsearch-like chart's values. */
class MeshChartValuesTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MeshChartValues.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path chartValues() throws Exception {
    return Path.of(getClass().getResource("search-values.yaml").toURI());
  }

  @Test
  void should_print_overrides_for_every_pod_annotations_map_but_the_opt_out() throws Exception {
    Run r = run(chartValues().toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            podAnnotations:
              linkerd.io/inject: enabled
            master:
              podAnnotations:
                prometheus.io/scrape: 'true'
                linkerd.io/inject: enabled
            coordinating:
              podAnnotations:
                linkerd.io/inject: enabled
            sidecars:
            - name: exporter
              podAnnotations:
                linkerd.io/inject: enabled
            """);
    assertThat(r.err())
        .isEqualTo(
            "meshed: podAnnotations\nmeshed: master.podAnnotations\n"
                + "meshed: coordinating.podAnnotations\nmeshed: sidecars[0].podAnnotations\n"
                + "warning: ingest.podAnnotations: kept linkerd.io/inject: disabled (the chart's"
                + " explicit opt-out); remove it to mesh these pods\n");
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_mesh_every_component_when_helm_layers_the_overrides_on_the_chart() throws Exception {
    Run r = run(chartValues().toString());
    Path overrides = Files.writeString(dir.resolve("mesh-overrides.yaml"), r.out());

    HelmValues installed = // helm install -f mesh-overrides.yaml, on the chart's values.yaml
        ValuesBuilder.create()
            .chartDefaults(HelmValues.fromFile(chartValues()))
            .valuesFile(overrides)
            .build()
            .values();

    for (String component : List.of("", "master.", "coordinating.")) {
      assertThat(installed.getMap(component + "podAnnotations").orElseThrow())
          .as(component + "podAnnotations")
          .containsEntry("linkerd.io/inject", "enabled");
    }
    assertThat(installed.getMap("master.podAnnotations").orElseThrow())
        .containsEntry("prometheus.io/scrape", "true");
    assertThat(installed.getMap("ingest.podAnnotations").orElseThrow())
        .containsEntry("linkerd.io/inject", "disabled");
    Map<String, Object> exporter =
        (Map<String, Object>) installed.getList("sidecars").orElseThrow().get(0);
    assertThat(exporter).containsEntry("name", "exporter");
    assertThat((Map<String, Object>) exporter.get("podAnnotations"))
        .containsEntry("linkerd.io/inject", "enabled");
    assertThat(installed.getLong("replicas")).hasValue(3);
  }

  @Test
  void should_fail_when_the_chart_has_no_pod_annotations_to_mesh_through() throws Exception {
    Path plain = Files.writeString(dir.resolve("values.yaml"), "replicas: 1\nlabels: {}\n");

    Run r = run(plain.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("warning: the chart declares no podAnnotations map\n");
  }

  @Test
  void should_name_the_file_and_line_of_bad_yaml() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "podAnnotations: {}\nmaster: [\n");

    Run r = run(bad.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("bad.yaml").contains("line");
  }
}
