package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.inject.Uninjector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link InjectFolder} on a copy of the folder {@code inject/}: web.yaml and db.yaml. */
class InjectFolderTest {
  private static final List<String> FILES = List.of("db.yaml", "web.yaml");
  @TempDir Path dir;
  private Path folder;

  @BeforeEach
  void copyFixtures() throws Exception {
    folder = Files.createDirectory(dir.resolve("k8s"));
    for (String f : FILES) {
      Files.copy(Path.of(getClass().getResource("inject/" + f).toURI()), folder.resolve(f));
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        InjectFolder.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Manifest workload, String field) {
    Map<String, Object> spec =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) workload.object().orElseThrow().get("spec"))
                        .get("template"))
                .get("spec");
    return ((List<Map<String, Object>>) spec.getOrDefault(field, List.of()))
        .stream().map(c -> (String) c.get("name")).toList();
  }

  @Test
  void should_annotate_every_workload_and_keep_the_rest_byte_for_byte() throws Exception {
    Run r = run(folder.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "      annotations:\n        backup.example.com/schedule: nightly\n"
                + "        linkerd.io/inject: enabled\n")
        .contains(
            "      labels: {app: web}\n      annotations:\n        linkerd.io/inject: enabled\n")
        .contains("# The web tier: a Deployment and its settings.\n")
        .contains("  replicas: 2 # two is enough for the demo\n")
        .contains("  mode: \"0755\"   # a string, kept as written\n");
    assertThat(r.err())
        .isEqualTo(
            "\nstatefulset \"db\" injected\ndeployment \"web\" injected\n"
                + "configmap \"web-settings\" skipped\n\n");
  }

  @Test
  void should_write_results_beside_the_files_that_uninject_back_to_them() throws Exception {
    Run r = run("--write", folder.toString());
    Run again = run("--write", folder.toString()); // the .injected.yaml files are not read again

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(again.err()).isEqualTo(r.err());
    ManifestReader reader = ManifestReader.create();
    for (String f : FILES) {
      Path injected = folder.resolve(f.replace(".yaml", ".injected.yaml"));
      StringWriter back = new StringWriter();
      try (ManifestWriter w = ManifestWriter.yaml(back)) {
        Uninjector.create().uninjectAll(reader.readAll(injected)).documents().forEach(w::write);
      }
      assertThat(Files.readString(injected)).contains("linkerd.io/inject: enabled");
      assertThat(back.toString()).as(f).isEqualTo(Files.readString(folder.resolve(f)));
    }
  }

  @Test
  void should_add_the_proxy_and_proxy_init_to_the_pod_specs_in_manual_mode() throws Exception {
    Path anchors = dir.resolve("ca.crt");
    CertificateAuthority ca = CertificateAuthority.create(Clock.systemUTC());
    Files.writeString(anchors, ca.createTrustAnchor().certificatePem());

    Run r = run("--manual", anchors.toString(), folder.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<Manifest> docs = ManifestReader.create().readAll(r.out(), "stdout");
    assertThat(docs)
        .extracting(d -> d.kind().orElse(""))
        .containsExactly("StatefulSet", "Deployment", "ConfigMap");
    for (Manifest workload : docs.subList(0, 2)) { // the proxy is a native sidecar (edge-26.8.3)
      assertThat(names(workload, "initContainers"))
          .containsExactly("linkerd-init", "linkerd-proxy");
    }
    assertThat(names(docs.get(0), "containers")).containsExactly("db");
    assertThat(names(docs.get(1), "containers")).containsExactly("web");
    assertThat(r.out())
        .contains("  replicas: 2 # two is enough for the demo\n")
        .contains("LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS");
    assertThat(r.err()).contains("deployment \"web\" injected");
  }

  @Test
  void should_leave_out_a_refused_file_whole_and_inject_the_others() throws Exception {
    Files.writeString(
        folder.resolve("broken.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: [1]\nspec: {}\n");

    Run r = run(folder.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("Error transforming resources: " + folder.resolve("broken.yaml") + ": ")
        .contains("deployment \"web\" injected");
    assertThat(r.out()).doesNotContain("metadata: [1]").contains("name: web");
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing-folder", "missing-ca.crt"})
  void should_fail_naming_what_cannot_be_read(String missing) {
    Path path = dir.resolve(missing);
    Run r =
        missing.endsWith(".crt")
            ? run("--manual", path.toString(), folder.toString())
            : run(path.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains(missing);
    assertThat(r.out()).isEmpty();
  }
}
