package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.cluster.ApplyOptions;
import io.meshsdk.core.manifest.ManifestReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kubectl} on PATH, a client nobody here wrote, applies server-side against the kit
 * (HTTPS, CA data and bearer token) and sees what the kit's structured merge made of it. The kit
 * serves no OpenAPI documents, so kubectl's schema validation is turned off ({@code
 * --validate=false}), as for any server without them.
 */
class KubectlApplyTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .https()
          .perMethod()
          .serverVersion("v1.32.4")
          .seed("apiVersion: v1\nkind: Namespace\nmetadata: {name: emojivoto}")
          .build();

  private static final String MANIFESTS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: emojivoto, labels: {app: web}}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: buoyantio/emojivoto-web:v11
              ports: [{containerPort: 8080, name: http}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: web-config, namespace: emojivoto}
      data: {color: blue}
      """;

  private static Path kubectl;

  @TempDir static Path cache;

  @BeforeAll
  static void findKubectl() {
    kubectl =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(dir -> Path.of(dir, "kubectl"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(
        kubectl != null,
        "no kubectl on PATH: the kubectl apply tests need one (these machines have"
            + " /usr/bin/kubectl)");
  }

  private static Path file(String yaml) throws IOException {
    Path f = Files.createTempFile(cache, "manifests", ".yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private static JsonObject get(String... what) throws Exception {
    List<String> args = new ArrayList<>(List.of("get"));
    args.addAll(List.of(what));
    args.addAll(List.of("-n", "emojivoto", "-o", "json", "--show-managed-fields"));
    Result r = kubectl(args.toArray(String[]::new));
    assertThat(r.exit).as(r.stderr).isZero();
    return r.json();
  }

  private static String managers(JsonObject o) {
    StringBuilder b = new StringBuilder();
    for (JsonElement e : o.getAsJsonObject("metadata").getAsJsonArray("managedFields")) {
      JsonObject m = e.getAsJsonObject();
      b.append(m.get("manager").getAsString())
          .append('/')
          .append(m.get("operation").getAsString())
          .append(' ')
          .append(m.get("fieldsV1"))
          .append('\n');
    }
    return b.toString();
  }

  @Test
  void should_create_with_kubectl_apply_server_side_and_change_nothing_the_second_time()
      throws Exception {
    Path f = file(MANIFESTS);

    Result first = kubectl("apply", "--server-side", "--validate=false", "-f", f.toString());

    assertThat(first.exit).as(first.stderr).isZero();
    assertThat(first.stdout)
        .contains(
            "deployment.apps/web serverside-applied", "configmap/web-config serverside-applied");
    assertThat(KUBE.journal().requests("PATCH", "/**"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.queryParameter("fieldManager")).contains("kubectl"))
        .extracting(JournalEntry::status)
        .containsExactly(201, 201);
    JsonObject created = get("deployment", "web");
    assertThat(created.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(1);
    assertThat(managers(created))
        .startsWith("kubectl/Apply {\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}");

    JsonObject config = get("configmap", "web-config");
    KUBE.journal().clear();

    Result second = kubectl("apply", "--server-side", "--validate=false", "-f", f.toString());

    assertThat(second.exit).as(second.stderr).isZero();
    assertThat(get("deployment", "web"))
        .as("same resourceVersion, generation, managedFields")
        .isEqualTo(created);
    assertThat(get("configmap", "web-config")).isEqualTo(config);
    assertThat(KUBE.journal().requests("PATCH", "/**"))
        .extracting(JournalEntry::status)
        .containsExactly(200, 200);
  }

  @Test
  void should_store_nothing_for_kubectl_apply_with_dry_run_server() throws Exception {
    Result r =
        kubectl(
            "apply",
            "--server-side",
            "--validate=false",
            "--dry-run=server",
            "-f",
            file(MANIFESTS).toString());

    assertThat(r.exit).as(r.stderr).isZero();
    assertThat(r.stdout).contains("deployment.apps/web serverside-applied (server dry run)");
    assertThat(KUBE.journal().requests("PATCH", "/**"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.queryParameter("dryRun")).contains("All"));
    assertThat(KUBE.journal().mutations()).isEmpty();
    Result absent = kubectl("get", "deployment", "web", "-n", "emojivoto");
    assertThat(absent.exit).isNotZero();
    assertThat(absent.stderr).contains("NotFound", "deployments.apps \"web\" not found");
  }

  @Test
  void should_report_a_conflict_to_kubectl_and_hand_the_field_over_with_force_conflicts(
      KubeApiServer server) throws Exception {
    server
        .liveCluster()
        .apply(
            ManifestReader.create().readAll(MANIFESTS, "m.yaml").get(0),
            ApplyOptions.newBuilder().fieldManager("mesh").build());
    Path scaled = file(MANIFESTS.replace("replicas: 1", "replicas: 3"));

    Result refused = kubectl("apply", "--server-side", "--validate=false", "-f", scaled.toString());

    assertThat(refused.exit).isNotZero();
    assertThat(refused.stderr)
        .contains("Apply failed with 1 conflict: conflict with \"mesh\": .spec.replicas");

    Result forced =
        kubectl(
            "apply",
            "--server-side",
            "--validate=false",
            "--force-conflicts",
            "-f",
            scaled.toString());
    JsonObject o = get("deployment", "web");

    assertThat(forced.exit).as(forced.stderr).isZero();
    assertThat(o.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(3);
    String managed = managers(o);
    assertThat(managed.lines().filter(l -> l.startsWith("kubectl/Apply")).findFirst().orElseThrow())
        .contains("\"f:replicas\":{}");
    assertThat(managed.lines().filter(l -> l.startsWith("mesh/Apply")).findFirst().orElseThrow())
        .doesNotContain("\"f:replicas\"")
        .contains("\"f:template\"");
  }

  private static Result kubectl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                kubectl.toString(),
                "--kubeconfig",
                KUBE.kubeconfig().toString(),
                "--cache-dir",
                cache.resolve("kube-cache").toString(),
                "--request-timeout=20s"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(cache, "out", ".txt");
    Path err = Files.createTempFile(cache, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int exit, String stdout, String stderr) {
    JsonObject json() {
      return JsonParser.parseString(stdout).getAsJsonObject();
    }
  }
}
