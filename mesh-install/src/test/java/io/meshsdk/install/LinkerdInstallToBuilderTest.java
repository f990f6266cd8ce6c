package io.meshsdk.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LinkerdInstall.toBuilder()} on a small chart of our own: a variant is derived. */
class LinkerdInstallToBuilderTest {
  @TempDir Path dir;

  private ChartSource chart() throws IOException {
    Path mini = dir.resolve("mini");
    Files.createDirectories(mini.resolve("templates"));
    Files.writeString(mini.resolve("Chart.yaml"), "apiVersion: v2\nname: mini\nversion: 1.0.0\n");
    Files.writeString(mini.resolve("values.yaml"), "replicas: 1\nlogLevel: info\n");
    Files.writeString(
        mini.resolve("templates/deployment.yaml"),
        String.join(
            "\n",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            "  name: {{ .Release.Name }}-web",
            "  namespace: {{ .Release.Namespace }}",
            "  annotations:",
            "    logLevel: {{ .Values.logLevel | quote }}",
            "spec:",
            "  replicas: {{ .Values.replicas }}",
            ""));
    return ChartSource.folder(mini);
  }

  @Test
  void should_derive_a_variant_that_keeps_every_setting_and_layer_of_the_original()
      throws IOException {
    LinkerdInstall original =
        LinkerdInstall.viz(chart())
            .set("logLevel=debug")
            .set("replicas=2")
            .release("web")
            .namespace("team-a")
            .kubeVersion("1.32.0")
            .build();

    LinkerdInstall same = original.toBuilder().build();
    LinkerdInstall variant = original.toBuilder().set("replicas=5").build();

    assertThat(same).hasToString(original.toString());
    assertThat(same.chart()).isEqualTo(original.chart());
    assertThat(same.ha()).isEqualTo(original.ha());
    assertThat(deployment(same)).isEqualTo(deployment(original));
    assertThat(deployment(original)).contains("replicas: 2", "logLevel: \"debug\"", "team-a");
    assertThat(deployment(variant))
        .contains("replicas: 5", "logLevel: \"debug\"", "name: web-web", "team-a");
    assertThat(deployment(original)).as("the original is unchanged").contains("replicas: 2");
  }

  private static String deployment(LinkerdInstall install) {
    List<Manifest> docs = install.render().ofKind("Deployment");
    assertThat(docs).hasSize(1);
    return docs.get(0).sourceText().orElseThrow();
  }
}
