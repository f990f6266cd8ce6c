package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client nobody here wrote agrees with the kit: the {@code kubectl} on PATH, run against the
 * kit's HTTPS kubeconfig (CA data and bearer token), sees the seeded objects and the policy.
 */
class KubectlAgreesTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .https()
          .seedResource("seeds/cluster.yaml")
          .serverVersion("v1.32.4")
          .accessPolicy(
              AccessPolicy.builder()
                  .deny("create", "linkerd", "apps", "deployments")
                  .allowByDefault()
                  .build())
          .build();

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
        "no kubectl on PATH: the kubectl agreement tests "
            + "need one (these machines have /usr/bin/kubectl)");
  }

  @Test
  void should_list_the_seeded_pods_with_kubectl_get_pods_all_namespaces() throws Exception {
    Result r = kubectl("get", "pods", "-A", "-o", "json");

    assertThat(r.exit).as(r.stderr).isZero();
    assertThat(names(r.json()))
        .containsExactly(
            "emojivoto/emoji-5c8d7-uvwxy",
            "emojivoto/web-7b9f8-pqrst",
            "linkerd/linkerd-destination-7d9c8b-abcde",
            "linkerd/linkerd-identity-5f6b7c-fghij",
            "linkerd/linkerd-proxy-injector-6c5d4-klmno");
    assertThat(summaries(r.json())).isEqualTo(seededSummaries("Pod"));
    assertThat(KUBE.journal().requests("GET", "/api/v1/pods"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.credentialSent()).isTrue());
  }

  @Test
  void should_page_kubectl_get_pods_with_chunk_size_two() throws Exception {
    Result r = kubectl("get", "pods", "-A", "--chunk-size=2", "-o", "json");

    assertThat(r.exit).as(r.stderr).isZero();
    assertThat(names(r.json())).hasSize(5);
    List<JournalEntry> pages = KUBE.journal().requests("GET", "/api/v1/pods");
    assertThat(pages)
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.queryParameter("limit")).contains("2"));
    assertThat(pages.get(0).queryParameter("continue")).isEmpty();
    assertThat(pages.get(1).queryParameter("continue")).isPresent();
  }

  @Test
  void should_list_the_seeded_crds_with_kubectl_get_crd() throws Exception {
    Result r = kubectl("get", "crd", "-o", "json");

    assertThat(r.exit).as(r.stderr).isZero();
    assertThat(names(r.json())).containsExactly("/servers.policy.linkerd.io");
    assertThat(summaries(r.json())).isEqualTo(seededSummaries("CustomResourceDefinition"));
  }

  @Test
  void should_get_custom_resources_by_short_name_through_discovery() throws Exception {
    Result r = kubectl("get", "srv", "-n", "linkerd", "-o", "json");

    assertThat(r.exit).as(r.stderr).isZero();
    assertThat(names(r.json())).containsExactly("linkerd/linkerd-admin");
  }

  @Test
  void should_report_the_server_version_to_kubectl_version() throws Exception {
    Result r = kubectl("version", "-o", "json");

    assertThat(r.exit).as(r.stderr).isZero();
    JsonObject server = r.json().getAsJsonObject("serverVersion");
    assertThat(server.get("gitVersion").getAsString()).isEqualTo("v1.32.4");
    assertThat(server.get("major").getAsString()).isEqualTo("1");
    assertThat(server.get("minor").getAsString()).isEqualTo("32");
  }

  @Test
  void should_answer_kubectl_auth_can_i_by_the_policy() throws Exception {
    Result denied = kubectl("auth", "can-i", "create", "deployments", "-n", "linkerd");
    Result allowed = kubectl("auth", "can-i", "create", "deployments", "-n", "emojivoto");

    assertThat(denied.stdout.trim()).as(denied.stderr).isEqualTo("no");
    assertThat(denied.exit).isEqualTo(1);
    assertThat(allowed.stdout.trim()).isEqualTo("yes");
    assertThat(allowed.exit).isZero();
  }

  @Test
  void should_refuse_kubectl_without_the_token() throws Exception {
    Path noToken = cache.resolve("no-token");
    Files.writeString(
        noToken,
        Files.readString(KUBE.kubeconfig())
            .replaceAll("(?m)^    token: .*$", "    username: nobody"));

    Result r = run(noToken, "get", "pods", "-A");

    assertThat(r.exit).isNotZero();
    assertThat(r.stderr).containsIgnoringCase("unauthorized");
  }

  /** Name, labels, spec.nodeName / spec.group and status.phase of each item, by name. */
  private static Map<String, String> summaries(JsonObject list) {
    Map<String, String> out = new TreeMap<>();
    for (JsonElement item : list.getAsJsonArray("items")) {
      Object tree = new com.google.gson.Gson().fromJson(item, Map.class);
      out.put(key(tree), summary(tree));
    }
    return out;
  }

  private static Map<String, String> seededSummaries(String kind) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var in = KubectlAgreesTest.class.getResourceAsStream("/seeds/cluster.yaml")) {
      for (Manifest m :
          ManifestReader.create()
              .readAll(new String(in.readAllBytes(), StandardCharsets.UTF_8), "cluster.yaml")) {
        if (m.kind().filter(kind::equals).isPresent()) {
          out.put(key(m.root()), summary(m.root()));
        }
      }
    }
    return out;
  }

  private static String key(Object tree) {
    return at(tree, "metadata", "namespace") + "/" + at(tree, "metadata", "name");
  }

  private static String summary(Object tree) {
    Object labels = at(tree, "metadata", "labels");
    return "labels="
        + (labels instanceof Map ? new TreeMap<>((Map<?, ?>) labels) : "{}")
        + " node="
        + at(tree, "spec", "nodeName")
        + " group="
        + at(tree, "spec", "group")
        + " phase="
        + at(tree, "status", "phase");
  }

  private static Object at(Object tree, String... path) {
    Object cur = tree;
    for (String p : path) {
      cur = cur instanceof Map ? ((Map<?, ?>) cur).get(p) : null;
    }
    return cur == null ? "" : cur;
  }

  private static List<String> names(JsonObject list) {
    List<String> out = new ArrayList<>();
    for (JsonElement item : list.getAsJsonArray("items")) {
      JsonObject meta = item.getAsJsonObject().getAsJsonObject("metadata");
      out.add(
          Optional.ofNullable(meta.get("namespace")).map(JsonElement::getAsString).orElse("")
              + "/"
              + meta.get("name").getAsString());
    }
    return out;
  }

  private static Result kubectl(String... args) throws IOException, InterruptedException {
    return run(KUBE.kubeconfig(), args);
  }

  private static Result run(Path kubeconfig, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                kubectl.toString(),
                "--kubeconfig",
                kubeconfig.toString(),
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
