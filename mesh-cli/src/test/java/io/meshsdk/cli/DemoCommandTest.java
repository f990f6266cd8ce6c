package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.core.MeshSdk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mesh demo}: each step's text says what the engineer's day needs (content, not bytes: the
 * certificates are new on every run), {@code -o json} is one document, {@code --step N} runs step N
 * alone, and bad usage exits 2.
 */
class DemoCommandTest {
  private static final String[] TITLES = {
    "Versions",
    "Pre-installation checks",
    "Values for the install",
    "Certificates",
    "Checks after the install",
    "Injecting the workloads",
    "Data plane and viz"
  };
  private static final String DOCKER =
      "proxy-init container runs as root user if docker container runtime is used";
  private static final String NODE_1 = "ip-10-0-1-23.ap-northeast-2.compute.internal";

  private static CliRun all;
  private static JsonObject json;

  @BeforeAll
  static void run_the_whole_demo_once() {
    all = CliRun.of("demo");
    json = JsonParser.parseString(CliRun.of("demo", "-o", "json").out()).getAsJsonObject();
  }

  private static String step(int n) {
    CliRun r = CliRun.of("demo", "--step", String.valueOf(n));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r.out();
  }

  private static JsonObject jsonStep(int n) {
    return json.getAsJsonArray("steps").get(n - 1).getAsJsonObject();
  }

  /** The lines of a section: from its title to the next blank line. */
  private static String section(String text, String title) {
    int at = text.indexOf("\n" + title + "\n");
    assertThat(at).as("section " + title).isNotNegative();
    int end = text.indexOf("\n\n", at + 1);
    return text.substring(at + 1, end < 0 ? text.length() : end + 1);
  }

  private static Pattern row(String... cells) {
    return Pattern.compile(
        "(?m)^  "
            + String.join(
                " {2,}", java.util.Arrays.stream(cells).map(Pattern::quote).toArray(String[]::new))
            + "$");
  }

  @Test
  void should_tell_the_seven_steps_in_order_and_exit_0_with_nothing_on_stderr() {
    assertThat(all.exit()).isZero();
    assertThat(all.err()).isEmpty();
    assertThat(all.out()).startsWith("mesh demo: a first day with Linkerd on an embedded cluster");
    List<Integer> at = new ArrayList<>();
    for (int n = 1; n <= 7; n++) {
      String heading = "Step " + n + "/7  " + TITLES[n - 1];
      assertThat(all.out()).contains("\n" + heading + "\n" + "=".repeat(heading.length()) + "\n");
      at.add(all.out().indexOf(heading));
    }
    assertThat(at).isSorted();
    assertThat(all.out()).as("no colour off a terminal").doesNotContain("\u001B[");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void should_run_one_step_alone_with_step_n(int n) {
    String out = step(n);
    String heading = "Step " + n + "/7  " + TITLES[n - 1];
    assertThat(out).startsWith(heading + "\n" + "=".repeat(heading.length()) + "\n$ mesh ");
    assertThat(out)
        .doesNotContain("mesh demo: a first day")
        .doesNotContainPattern("Step (?!" + n + "/)\\d/7");
  }

  @Test
  void should_show_the_versions_before_install_and_the_bare_cluster() {
    String out = step(1);
    assertThat(out)
        .containsPattern(row("Client version:", MeshSdk.linkerdVersion()))
        .containsPattern(row("Server version:", "unavailable"))
        .containsPattern(row("Mesh SDK:", MeshSdk.version()))
        .containsPattern(row("Kubernetes:", "v1.31.4-eks-2d98532"));
    assertThat(out)
        .containsPattern(
            row(NODE_1, "ap-northeast-2a", "v1.31.4-eks-2d98532", "docker://20.10.17", "<none>"));
    assertThat(Pattern.compile("docker://20\\.10\\.17 {2}<none>").matcher(out).results().count())
        .isEqualTo(3);
    JsonObject s = jsonStep(1);
    assertThat(s.get("server").isJsonNull()).isTrue();
    assertThat(s.get("client").getAsString()).isEqualTo(MeshSdk.linkerdVersion());
    assertThat(s.getAsJsonArray("nodes")).hasSize(3);
  }

  @Test
  void should_find_the_docker_runtime_before_install_and_pass_with_run_as_root() {
    String out = step(2);
    String table = out.substring(0, out.indexOf("\nFinding"));
    assertThat(table)
        .contains(
            "pre-kubernetes-setup\n--------------------\n√ control plane namespace does not already"
                + " exist\n")
        .contains("‼ " + DOCKER + "\n")
        .contains(
            "docker container runtime and proxy-init container must run as root user: " + NODE_1)
        .contains("try installing linkerd via --set proxyInit.runAsRoot=true")
        .contains("√ no clock skew detected\n")
        .contains("\nStatus check results are √\n");
    String fixed = out.substring(out.indexOf("The same checks with the planned values"));
    assertThat(fixed)
        .contains("$ mesh check --pre --set proxyInit.runAsRoot=true\n√ " + DOCKER + "\n")
        .doesNotContain("‼ " + DOCKER);
    JsonObject s = jsonStep(2);
    assertThat(s.getAsJsonObject("finding").get("result").getAsString()).isEqualTo("warning");
    assertThat(s.getAsJsonObject("fixed").get("result").getAsString()).isEqualTo("success");
    assertThat(s.getAsJsonObject("checks").get("success").getAsBoolean()).isTrue();
  }

  @Test
  void should_build_the_values_show_the_ha_difference_and_catch_the_typo() {
    String out = step(3);
    assertThat(out)
        .containsPattern(row("proxyInit.runAsRoot", "true"))
        .containsPattern(row("linkerdVersion", MeshSdk.linkerdVersion()))
        .containsPattern(row("controllerReplicas", "1"))
        .contains("user values: {\"proxyInit\":{\"runAsRoot\":true}}");
    String ha = out.substring(out.indexOf("--ha: "), out.indexOf("A typo"));
    assertThat(ha)
        .containsPattern(row("controllerReplicas", "1", "3"))
        .containsPattern(row("enablePodAntiAffinity", "false", "true"))
        .containsPattern(row("webhookFailurePolicy", "Ignore", "Fail"))
        .as("both sides set proxyInit.runAsRoot=true")
        .doesNotContainPattern("(?m)^  proxyInit\\.runAsRoot ");
    Matcher count = Pattern.compile("--ha: (\\d+) keys differ").matcher(ha);
    assertThat(count.find()).isTrue();
    assertThat(ha.lines().filter(l -> l.startsWith("  ") && !l.startsWith("  KEY")).count())
        .isEqualTo(Long.parseLong(count.group(1)));
    assertThat(out)
        .contains("proxyInit.runAsRoot=false and fail on the docker nodes")
        .contains("$ mesh values --strict --set proxyinit.runAsRoot=true\nmesh: ")
        .contains("proxyinit.runAsRoot — did you mean proxyInit.runAsRoot?")
        .contains("helm pull linkerd-edge/linkerd-control-plane --untar");
    JsonObject s = jsonStep(3);
    assertThat(s.getAsJsonObject("typo").get("strictError").getAsString())
        .contains("did you mean proxyInit.runAsRoot?");
    assertThat(s.getAsJsonObject("manifests").get("chart").isJsonNull()).isTrue();
    assertThat(s.getAsJsonArray("haDiff").size()).isEqualTo(Integer.parseInt(count.group(1)));
  }

  @Test
  void should_render_the_install_manifests_from_a_chart_and_count_them_per_kind() {
    Path chart = LinkerdCharts.dir().resolve("linkerd-control-plane");
    CliRun r = CliRun.of("demo", "--step", "3", "--chart", chart.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String manifests = r.out().substring(r.out().indexOf("The install manifests"));
    assertThat(manifests)
        .contains("$ mesh install --chart " + chart + " --set proxyInit.runAsRoot=true")
        .containsPattern("\\d+ documents in Helm's install order")
        .containsPattern(row("Deployment", "3"))
        .containsPattern(row("MutatingWebhookConfiguration", "1"))
        .doesNotContain("helm pull");
  }

  @Test
  void should_generate_validate_and_plan_the_rotation_of_the_certificates() {
    String out = step(4);
    assertThat(out)
        .containsPattern(
            "(?m)^  trust anchor +CN=root\\.linkerd\\.cluster\\.local +SHA256withECDSA"
                + " +2026-12-03T08:59:00Z +2036-11-30T08:59:00Z +3650 days$")
        .containsPattern(
            "(?m)^  issuer +CN=identity\\.linkerd\\.cluster\\.local +SHA256withECDSA"
                + " +2026-12-03T08:59:00Z +2027-12-03T08:59:00Z +365 days$")
        .containsPattern("linkerd\\.io/trust-root-sha256: [0-9a-f]{64}\n");
    String checks = section(out, "linkerd-identity");
    assertThat(checks.lines().filter(l -> l.startsWith("√ "))).hasSize(8);
    assertThat(out)
        .containsPattern(
            row("linkerd check warns from", "2027-10-04T08:59:00Z", "(60 days before the issuer)"))
        .contains(
            "The same checks as of 2027-11-03T08:59:00Z:\n"
                + "  ‼ issuer cert is valid for at least 60 days\n"
                + "      issuer certificate will expire on 2027-12-03T08:59:00Z\n")
        .contains("Trust anchor rotation planned at 2026-12-03T09:00:00Z")
        .contains("1. Set identityTrustAnchorsPEM to the trust bundle")
        .containsPattern("new trust bundle: 2 anchors, sha256 [0-9a-f]{64}");
    assertThat(out).doesNotContain("PRIVATE KEY");
    JsonObject s = jsonStep(4);
    assertThat(s.getAsJsonObject("checks").get("success").getAsBoolean()).isTrue();
    assertThat(s.getAsJsonObject("expiry").getAsJsonObject("result").get("result").getAsString())
        .isEqualTo("warning");
    assertThat(s.getAsJsonObject("rotation").getAsJsonArray("expiries")).hasSize(4);
  }

  @Test
  void should_pass_every_category_after_install_and_explain_the_nodes_without_pod_cidr() {
    String out = step(5);
    assertThat(out).containsPattern(row("Server version:", MeshSdk.linkerdVersion()));
    assertThat(section(out, "kubectl get pods -n linkerd"))
        .containsPattern("(?m)^  linkerd-destination-[a-z0-9]{10}-[a-z0-9]{5} +4/4 +Running$")
        .containsPattern("(?m)^  linkerd-identity-[a-z0-9]{10}-[a-z0-9]{5} +2/2 +Running$")
        .containsPattern("(?m)^  linkerd-proxy-injector-[a-z0-9]{10}-[a-z0-9]{5} +2/2 +Running$");
    for (String category :
        List.of(
            "kubernetes-api",
            "kubernetes-version",
            "gateway-api-crd",
            "linkerd-existence",
            "linkerd-config",
            "linkerd-identity",
            "linkerd-webhooks-and-apisvc-tls",
            "linkerd-version",
            "control-plane-version",
            "linkerd-control-plane-proxy",
            "linkerd-extension-checks",
            "linkerd-viz")) {
      assertThat(out).contains("\n" + category + "\n" + "-".repeat(category.length()) + "\n");
    }
    assertThat(out)
        .doesNotContain("× ")
        .contains("√ control plane pods are ready\n")
        .contains("√ " + DOCKER + "\n")
        .contains("√ proxy-injector webhook has valid cert\n")
        .contains("√ cluster networks contains all pods\n");
    assertThat(out)
        .as("the skipped check prints nothing; one line explains it")
        .doesNotContain("√ cluster networks contains all node podCIDRs")
        .doesNotContain("‼ cluster networks contains all node podCIDRs")
        .containsOnlyOnce("Linkerd 2.11 warned \"‼ cluster networks can be verified\"")
        .contains(
            "Nodes without podCIDR (3 of 3): Linkerd 2.11 warned \"‼ cluster networks can be"
                + " verified\" here; today's rules skip \"cluster networks contains all node"
                + " podCIDRs\" silently");
    String viz = out.substring(out.indexOf("After linkerd viz install"));
    assertThat(viz)
        .contains("linkerd-viz\n-----------\n√ linkerd-viz Namespace exists\n")
        .contains("√ tap API server has valid cert\n")
        .contains("√ viz extension pods are running\n")
        .contains("√ prometheus is installed and configured correctly\n")
        .endsWith("\nStatus check results are √\n")
        .doesNotContain("linkerd-identity\n");
    JsonObject s = jsonStep(5);
    assertThat(s.getAsJsonObject("checks").get("success").getAsBoolean()).isTrue();
    assertThat(s.getAsJsonObject("podCidr").get("outcome").getAsString()).isEqualTo("skipped");
    assertThat(s.getAsJsonObject("podCidr").getAsJsonArray("nodesWithoutPodCidr")).hasSize(3);
    assertThat(descriptions(s.getAsJsonObject("checks")))
        .contains("cluster networks contains all pods")
        .doesNotContain(
            "cluster networks contains all node podCIDRs", "cluster networks can be verified");
  }

  @Test
  void should_inject_emojivoto_both_ways_scylla_elasticsearch_values_and_uninject() {
    String out = step(6);
    String annotate =
        section(
            out,
            "emojivoto, annotation mode (kubectl get -n emojivoto deploy -o yaml | linkerd inject -)");
    assertThat(annotate)
        .contains(
            "  deployment \"emoji\" injected\n",
            "  deployment \"web\" injected\n",
            "  service \"web-svc\" skipped\n");
    String manualAt = "emojivoto, --manual (the proxy written into the manifests)";
    for (String section :
        List.of(out.substring(0, out.indexOf(manualAt)), out.substring(out.indexOf(manualAt)))) {
      for (String[] d :
          new String[][] {
            {"emoji", "emoji-svc"},
            {"vote-bot", "vote-bot"},
            {"voting", "voting-svc"},
            {"web", "web-svc"}
          }) {
        assertThat(section)
            .containsPattern(
                row("deployment/" + d[0], "containers 1 → 2", "linkerd-proxy + " + d[1]));
      }
    }
    assertThat(out)
        .contains("linkerd-init runs as root (runAsUser: 0)")
        .contains("  statefulset \"scylla\" injected\n")
        .containsPattern(row("statefulset/scylla", "containers 1 → 2", "linkerd-proxy + scylla"))
        .containsPattern(
            row("deployment/janusgraph", "containers 1 → 2", "linkerd-proxy + janusgraph"))
        .contains("    podAnnotations:\n      linkerd.io/inject: enabled\n")
        .contains("  annotated: podAnnotations\n");
    String uninject = out.substring(out.indexOf("Uninject (linkerd uninject)"));
    assertThat(uninject)
        .contains("  deployment \"emoji\" uninjected\n")
        .containsPattern(row("deployment/emoji", "containers 2 → 1", "emoji-svc"))
        .contains("uninject(inject --manual(emojivoto)) is byte for byte the original manifest.");
    JsonObject s = jsonStep(6);
    for (String mode : List.of("annotate", "manual", "scylla", "janusgraph")) {
      for (JsonElement w : s.getAsJsonObject(mode).getAsJsonArray("workloads")) {
        assertThat(w.getAsJsonObject().get("containersBefore").getAsInt()).isEqualTo(1);
        assertThat(w.getAsJsonObject().get("containersAfter").getAsInt()).isEqualTo(2);
      }
    }
    assertThat(s.getAsJsonObject("manual").getAsJsonArray("workloads")).hasSize(4);
    assertThat(s.getAsJsonObject("uninject").get("identicalToOriginal").getAsBoolean()).isTrue();
    assertThat(s.getAsJsonObject("elasticsearch").getAsJsonObject("overrides").toString())
        .isEqualTo("{\"podAnnotations\":{\"linkerd.io/inject\":\"enabled\"}}");
  }

  @Test
  void should_check_the_data_plane_of_emojivoto_and_viz_with_an_external_prometheus() {
    String out = step(7);
    assertThat(
            out.lines()
                .filter(
                    l ->
                        l.matches(
                            "  (emoji|vote-bot|voting|web)-[a-z0-9]{10}-[a-z0-9]{5} +2/2 +Running")))
        .hasSize(4);
    String proxy = out.substring(0, out.indexOf("viz with the cluster's own Prometheus"));
    assertThat(proxy)
        .contains(
            "linkerd-identity-data-plane\n---------------------------\n√ data plane proxies certificate match CA\n")
        .contains(
            "linkerd-data-plane\n------------------\n√ data plane namespace exists\n√ data plane proxies are ready\n")
        .contains("√ opaque ports are properly annotated\n")
        .contains("linkerd-viz-data-plane\n")
        .contains("√ prometheus is authorized to scrape data plane pods\n")
        .doesNotContain("× ")
        .contains("\nStatus check results are √\n");
    assertThat(out)
        .containsPattern(
            row("prometheusUrl", "http://prometheus-server.monitoring.svc.cluster.local:80"))
        .containsPattern(
            row(
                "prometheus.enabled",
                "false   (a key of the linkerd-viz chart: --strict accepts it)"))
        .containsPattern(row("problems", "none"));
    String viz = out.substring(out.indexOf("$ mesh check --viz --proxy -n emojivoto"));
    assertThat(viz)
        .contains("√ viz extension pods are running\n")
        .doesNotContain("prometheus is installed and configured correctly\n")
        .contains(
            "\"prometheus is installed and configured correctly\": skipped, as Linkerd does: the"
                + " namespace names the external Prometheus (viz.linkerd.io/external-prometheus).");
    JsonObject s = jsonStep(7);
    assertThat(s.getAsJsonObject("checks").get("success").getAsBoolean()).isTrue();
    assertThat(s.getAsJsonObject("vizChecks").get("success").getAsBoolean()).isTrue();
    assertThat(s.get("prometheusCheck").getAsString()).isEqualTo("skipped");
    assertThat(s.getAsJsonArray("pods")).hasSize(4);
  }

  @Test
  void should_print_one_json_document_with_every_step() {
    CliRun r = CliRun.of("demo", "-o", "json");
    assertThat(r.exit()).isZero();
    JsonElement doc = JsonParser.parseString(r.out());
    assertThat(doc.isJsonObject()).isTrue();
    JsonObject about = doc.getAsJsonObject().getAsJsonObject("demo");
    assertThat(about.get("clock").getAsString()).isEqualTo("2026-12-03T09:00:00Z");
    assertThat(about.get("linkerd").getAsString()).isEqualTo(MeshSdk.linkerdVersion());
    JsonArray steps = doc.getAsJsonObject().getAsJsonArray("steps");
    assertThat(steps).hasSize(7);
    for (int n = 1; n <= 7; n++) {
      JsonObject s = steps.get(n - 1).getAsJsonObject();
      assertThat(s.get("step").getAsInt()).isEqualTo(n);
      assertThat(s.get("title").getAsString()).isEqualTo(TITLES[n - 1]);
      assertThat(s.get("command").getAsString()).startsWith("mesh ");
    }
    assertThat(r.out()).doesNotContain("PRIVATE KEY").doesNotContain("\u001B[");
  }

  @Test
  void should_print_one_step_as_json_with_step_n() {
    CliRun r = CliRun.of("demo", "--step", "4", "-o", "json");
    assertThat(r.exit()).isZero();
    JsonArray steps = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("steps");
    assertThat(steps)
        .singleElement()
        .satisfies(s -> assertThat(s.getAsJsonObject().get("step").getAsInt()).isEqualTo(4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "8", "-1", "x", "", "1.5"})
  void should_exit_2_on_a_step_that_does_not_exist(String n) {
    CliRun r = CliRun.of("demo", "--step", n);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--step").contains("1 to 7").contains("mesh demo --help");
  }

  @Test
  void should_exit_2_on_a_bad_output_format_or_a_chart_that_is_not_a_folder() {
    CliRun format = CliRun.of("demo", "-o", "yaml");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("expected text or json");
    CliRun chart = CliRun.of("demo", "--chart", "/nonexistent/linkerd-control-plane");
    assertThat(chart.exit()).isEqualTo(2);
    assertThat(chart.err()).contains("not a folder");
    assertThat(chart.out()).isEmpty();
  }

  private static List<String> descriptions(JsonObject checks) {
    List<String> out = new ArrayList<>();
    for (JsonElement c : checks.getAsJsonArray("categories")) {
      for (JsonElement r : c.getAsJsonObject().getAsJsonArray("checks")) {
        out.add(r.getAsJsonObject().get("description").getAsString());
      }
    }
    return out;
  }
}
