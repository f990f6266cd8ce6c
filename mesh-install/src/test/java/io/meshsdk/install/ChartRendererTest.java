package io.meshsdk.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.values.HelmValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ChartRenderer on a small chart of our own (with a {@code file://} dependency), as a folder, as a
 * {@code .tgz} and from a chart repository served over localhost HTTP.
 */
class ChartRendererTest {
  private static final HelmValues VALUES =
      HelmValues.of(
          Map.of(
              "needed", "hello", "replicas", 2, "text", "true", "flag", true, "version", "1.10"));

  @TempDir static Path dir;
  private static Path charts;
  private static Path chart;
  private static Path archive;
  private static Path work;
  private static HttpServer server;
  private static List<Manifest> fromFolder;
  private static final ChartRenderer[] RENDERER = new ChartRenderer[1];

  @BeforeAll
  static void setUp() throws IOException {
    charts = dir.resolve("src/charts");
    chart = charts.resolve("mini");
    writeChart(chart, charts.resolve("sub"));
    work = Files.createDirectories(dir.resolve("work"));
    RENDERER[0] = ChartRenderer.withTempDirectory(work);
    fromFolder = RENDERER[0].render(ChartSource.folder(chart), VALUES, "r1", "team-a", "1.31.0");

    // a packaged copy with its dependency built, as `helm package` after `helm dependency build`
    Path copy = dir.resolve("pkg/charts");
    writeChart(copy.resolve("mini"), copy.resolve("sub"));
    new Helm(copy.resolve("mini")).dependency().build().call();
    Path repo = Files.createDirectories(dir.resolve("repo"));
    new Helm(copy.resolve("mini")).packageIt().withDestination(repo).call();
    archive = repo.resolve("mini-1.2.3.tgz");
    Files.writeString(
        repo.resolve("index.yaml"),
        String.join(
            "\n",
            "apiVersion: v1",
            "entries:",
            "  mini:",
            "  - apiVersion: v2",
            "    name: mini",
            "    version: 1.2.3",
            "    urls:",
            "    - mini-1.2.3.tgz",
            "generated: \"2026-01-01T00:00:00Z\"",
            ""));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/charts/",
        exchange -> {
          Path f = repo.resolve(exchange.getRequestURI().getPath().substring("/charts/".length()));
          byte[] body = Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0];
          exchange.sendResponseHeaders(
              body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void tearDown() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static URI repositoryUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/charts");
  }

  private static void writeChart(Path mini, Path sub) throws IOException {
    write(
        mini.resolve("Chart.yaml"),
        "apiVersion: v2",
        "name: mini",
        "version: 1.2.3",
        "kubeVersion: \">=1.28.0-0\"",
        "dependencies:",
        "- name: sub",
        "  version: 0.1.0",
        "  repository: file://../sub");
    write(mini.resolve("values.yaml"), "replicas: 1", "explode: \"\"");
    // file names sort differently from Helm's install order on purpose
    write(
        mini.resolve("templates/a-deployment.yaml"),
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: {{ .Release.Name }}-web",
        "spec:",
        "  replicas: {{ .Values.replicas }}");
    write(
        mini.resolve("templates/b-widget.yaml"),
        "apiVersion: example.com/v1",
        "kind: Widget",
        "metadata:",
        "  name: w");
    write(
        mini.resolve("templates/c-configmap.yaml"),
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata:",
        "  name: {{ .Release.Name }}-cm",
        "  namespace: {{ .Release.Namespace }}",
        "data:",
        "  service: {{ .Release.Service }}",
        "  kube: {{ .Capabilities.KubeVersion.Version }}",
        "  textKind: {{ kindOf .Values.text }}",
        "  flagKind: {{ kindOf .Values.flag }}",
        "  version: {{ .Values.version | quote }}",
        "  needed: {{ required \"mini needs .Values.needed\" .Values.needed }}");
    write(
        mini.resolve("templates/d-namespace.yaml"),
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: {{ .Release.Namespace }}");
    write(
        mini.resolve("templates/e-fail.yaml"),
        "{{- if .Values.explode }}{{ fail .Values.explode }}{{ end }}");
    write(
        mini.resolve("templates/f-crd.yaml"),
        "apiVersion: apiextensions.k8s.io/v1",
        "kind: CustomResourceDefinition",
        "metadata:",
        "  name: widgets.example.com");
    write(sub.resolve("Chart.yaml"), "apiVersion: v2", "name: sub", "version: 0.1.0");
    write(
        sub.resolve("templates/sa.yaml"),
        "apiVersion: v1",
        "kind: ServiceAccount",
        "metadata:",
        "  name: {{ .Release.Name }}-sub");
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static List<String> kindsAndNames(List<Manifest> ms) {
    return ms.stream().map(m -> m.kind().orElse("") + "/" + m.name().orElse("")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> object, String key) {
    return (Map<String, Object>) object.get(key);
  }

  @Test
  void should_return_the_documents_in_helms_install_order() {
    assertThat(kindsAndNames(fromFolder))
        .containsExactly(
            "Namespace/team-a",
            "ServiceAccount/r1-sub",
            "ConfigMap/r1-cm",
            "CustomResourceDefinition/widgets.example.com",
            "Deployment/r1-web",
            "Widget/w");
  }

  @Test
  void should_locate_each_document_at_its_template() {
    assertThat(fromFolder.get(0).location().source()).isEqualTo("mini/templates/d-namespace.yaml");
    assertThat(fromFolder.get(1).location().source())
        .isEqualTo("mini/charts/sub/templates/sa.yaml");
    assertThat(fromFolder.get(0).sourceText().orElseThrow())
        .contains("# Source: mini/templates/d-namespace.yaml");
  }

  @Test
  void should_render_with_the_release_namespace_kube_version_and_typed_values() {
    Map<String, Object> cm = fromFolder.get(2).object().orElseThrow();
    assertThat(data(cm, "data"))
        .containsEntry("service", "Helm")
        .containsEntry("kube", "v1.31.0")
        .containsEntry("textKind", "string")
        .containsEntry("flagKind", "bool")
        .containsEntry("version", "1.10")
        .containsEntry("needed", "hello");
    assertThat(data(fromFolder.get(4).object().orElseThrow(), "spec")).containsEntry("replicas", 2);
  }

  @Test
  void should_leave_the_chart_folder_and_its_temporary_files_untouched() throws IOException {
    assertThat(chart.resolve("charts")).doesNotExist();
    try (Stream<Path> s = Files.list(work)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void should_render_a_packaged_chart_and_a_repository_chart_as_the_folder() {
    List<Manifest> fromArchive =
        RENDERER[0].render(ChartSource.archive(archive), VALUES, "r1", "team-a", "1.31.0");
    List<Manifest> fromRepository =
        RENDERER[0].render(
            ChartSource.repository(repositoryUrl(), "mini", "1.2.3"),
            VALUES,
            "r1",
            "team-a",
            "1.31.0");
    assertThat(fromArchive)
        .extracting(Manifest::root)
        .containsExactlyElementsOf(fromFolder.stream().map(Manifest::root).toList());
    assertThat(fromRepository)
        .extracting(Manifest::root)
        .containsExactlyElementsOf(fromFolder.stream().map(Manifest::root).toList());
    try (Stream<Path> s = Files.list(ChartRenderer.helmRepositoryCache())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .as("no repository index left in Helm's cache")
          .noneMatch(n -> n.startsWith("mesh-") && n.endsWith("-index.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void should_name_the_chart_when_the_repository_has_no_such_version() {
    assertThatThrownBy(
            () ->
                RENDERER[0].render(
                    ChartSource.repository(repositoryUrl(), "mini", "9.9.9"),
                    VALUES,
                    "r1",
                    "ns",
                    "1.31.0"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("cannot render chart mini")
        .hasMessageContaining("9.9.9")
        .hasMessageContaining("the index of " + repositoryUrl())
        .hasMessageNotContaining("mesh-");
  }

  @Test
  void should_name_chart_and_template_of_a_missing_required_value() {
    assertThatThrownBy(
            () ->
                RENDERER[0].render(
                    ChartSource.folder(chart), HelmValues.empty(), "r1", "ns", "1.31.0"))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.chart()).isEqualTo("mini");
              assertThat(e.template())
                  .hasValueSatisfying(
                      t -> assertThat(t).startsWith("mini/templates/c-configmap.yaml:"));
              assertThat(e.problem()).isEqualTo("mini needs .Values.needed");
            });
  }

  @Test
  void should_refuse_a_kubernetes_version_the_chart_does_not_accept() {
    assertThatThrownBy(
            () -> RENDERER[0].render(ChartSource.folder(chart), VALUES, "r1", "ns", "1.20.0"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("cannot render chart mini")
        .hasMessageContaining("1.20.0");
  }

  @Test
  void should_keep_private_keys_out_of_a_template_failure() {
    String key =
        "-----BEGIN EC PRIVATE KEY-----\n"
            + "MHcCAQEEIBq3dYIhMWQ4BzGaQE0q2w0Ax1xlmrSaPa1o2eU3Vn5loAoGCCqGSM49\n"
            + "-----END EC PRIVATE KEY-----\n";
    HelmValues whole = VALUES.with("explode", "bad: " + key);
    assertThatThrownBy(
            () -> RENDERER[0].render(ChartSource.folder(chart), whole, "r1", "ns", "1.31.0"))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.template())
                  .hasValueSatisfying(t -> assertThat(t).startsWith("mini/templates/e-fail.yaml"));
              assertThat(e.getMessage())
                  .contains("bad: <redacted private key>")
                  .doesNotContain("MHcCAQEE");
            });
    // a line of the key echoed alone is found through the key given in the values
    HelmValues line =
        VALUES
            .with("issuer", Map.of("keyPEM", key))
            .with("explode", "MHcCAQEEIBq3dYIhMWQ4BzGaQE0q2w0Ax1xlmrSaPa1o2eU3Vn5loAoGCCqGSM49");
    assertThatThrownBy(
            () -> RENDERER[0].render(ChartSource.folder(chart), line, "r1", "ns", "1.31.0"))
        .isInstanceOf(RenderException.class)
        .satisfies(
            e -> assertThat(e.getMessage()).contains("<redacted>").doesNotContain("MHcCAQEE"));
    try (Stream<Path> s = Files.list(work)) {
      assertThat(s).as("values files deleted after failures too").isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void should_read_chart_files_from_a_folder_and_from_an_archive() {
    assertThat(ChartSource.folder(chart).chartName()).isEqualTo("mini");
    assertThat(ChartSource.archive(archive).chartName()).isEqualTo("mini");
    assertThat(ChartSource.archive(archive).readFile("values.yaml"))
        .hasValue("replicas: 1\nexplode: \"\"\n");
    assertThat(ChartSource.archive(archive).readFile("values-ha.yaml")).isEmpty();
    assertThatThrownBy(
            () ->
                ChartSource.repository(repositoryUrl(), "mini", "1.2.3").readFile("values-ha.yaml"))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("helm pull --untar");
  }

  @Test
  void should_parse_command_line_chart_references() {
    assertThat(ChartSource.parse(chart.toString(), null)).isEqualTo(ChartSource.folder(chart));
    assertThat(ChartSource.parse(archive.toString(), null)).isEqualTo(ChartSource.archive(archive));
    assertThat(ChartSource.parse("https://helm.linkerd.io/edge/linkerd-control-plane", "2026.8.3"))
        .isEqualTo(
            ChartSource.repository(
                URI.create("https://helm.linkerd.io/edge"), "linkerd-control-plane", "2026.8.3"));
    assertThatThrownBy(() -> ChartSource.parse("linkerd/linkerd-control-plane", null))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("repository URL followed by /NAME");
    assertThatThrownBy(() -> ChartSource.parse(chart.toString(), "1.0.0"))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("--version applies only to a chart in a repository");
  }
}
