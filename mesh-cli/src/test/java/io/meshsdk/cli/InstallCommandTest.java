package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.values.HelmValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh install} on the shared linkerd2 charts with the values of linkerd2's
 * install_helm_test.go (release {@code linkerd2}, namespace {@code linkerd-dev}, Kubernetes
 * 1.31.0): what the charts must produce from those values. Each install renders once.
 */
class InstallCommandTest {
  private static Path CHARTS;
  private static String CONTROL_PLANE;
  private static final List<String> CONTROLLERS =
      List.of("linkerd-identity", "linkerd-destination", "linkerd-proxy-injector");

  @TempDir static Path dir;
  private static String values;
  private static IssuedCertificate anchor;
  private static IssuedCertificate issuer;
  private static String[] identityFiles;
  private static CliRun crds;
  private static CliRun plain;
  private static CliRun ha;

  @BeforeAll
  static void render() throws Exception {
    CHARTS = LinkerdCharts.dir(); // skipped with a message when absent, failed under CI=true
    CONTROL_PLANE = CHARTS.resolve("linkerd-control-plane").toString();
    values =
        Path.of(
                Objects.requireNonNull(
                        InstallCommandTest.class.getResource("install-helm-test-values.yaml"))
                    .toURI())
            .toString();
    CertificateAuthority ca = CertificateAuthority.create(Clock.systemUTC());
    anchor = ca.createTrustAnchor();
    issuer = ca.createIssuer(anchor);
    identityFiles =
        new String[] {
          "--identity-trust-anchors-file", write("ca.crt", anchor.certificatePem()),
          "--identity-issuer-certificate-file", write("issuer.crt", issuer.certificatePem()),
          "--identity-issuer-key-file", write("issuer.key", issuer.privateKeyPem())
        };
    crds =
        CliRun.of(
            "install",
            "--crds",
            "--chart",
            CHARTS.resolve("linkerd-crds").toString(),
            "--release",
            "linkerd2",
            "--namespace",
            "linkerd-dev",
            "--kube-version",
            "1.31.0",
            "-o",
            "json");
    plain = CliRun.of(controlPlane());
    ha = CliRun.of(controlPlane("--ha", "--set", "proxyInit.runAsRoot=true"));
  }

  private static String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  private static String[] controlPlane(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "install",
                "--chart",
                CONTROL_PLANE,
                "--release",
                "linkerd2",
                "--namespace",
                "linkerd-dev",
                "--kube-version",
                "1.31.0",
                "-f",
                values));
    args.addAll(List.of(identityFiles));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static List<Manifest> manifests(CliRun run) {
    assertThat(run.exit()).as(run.err()).isZero();
    return ManifestReader.create().readAll(run.out(), "stdout");
  }

  private static List<String> names(List<Manifest> ms, String kind) {
    return ms.stream()
        .filter(m -> m.kind().filter(kind::equals).isPresent())
        .map(m -> m.name().orElse(""))
        .toList();
  }

  private static Manifest one(List<Manifest> ms, String kind, String name) {
    return ms.stream()
        .filter(
            m ->
                m.kind().filter(kind::equals).isPresent()
                    && m.name().filter(name::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
  }

  @SuppressWarnings("unchecked")
  private static Object at(Object tree, String... path) {
    Object cur = tree;
    for (String p : path) {
      cur =
          cur instanceof List<?> l
              ? l.get(Integer.parseInt(p))
              : ((Map<String, Object>) cur).get(p);
    }
    return cur;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object list) {
    return (List<String>) list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object map) {
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> proxyInit(Manifest deployment) {
    List<Map<String, Object>> init =
        (List<Map<String, Object>>)
            at(deployment.root(), "spec", "template", "spec", "initContainers");
    return init.stream()
        .filter(c -> "linkerd-init".equals(c.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no linkerd-init in " + deployment));
  }

  @Test
  void should_render_the_crds_chart_as_json_documents() {
    assertThat(crds.out().lines()).allMatch(l -> l.startsWith("{\"apiVersion\":"));
    List<Manifest> ms = manifests(crds);
    assertThat(ms).extracting(m -> m.kind().orElse("")).containsOnly("CustomResourceDefinition");
    assertThat(ms)
        .extracting(m -> m.name().orElse(""))
        .containsExactlyInAnyOrder(
            "authorizationpolicies.policy.linkerd.io", "egressnetworks.policy.linkerd.io",
            "httplocalratelimitpolicies.policy.linkerd.io", "httproutes.policy.linkerd.io",
            "meshtlsauthentications.policy.linkerd.io", "networkauthentications.policy.linkerd.io",
            "serverauthorizations.policy.linkerd.io", "servers.policy.linkerd.io",
            "serviceprofiles.linkerd.io", "externalworkloads.workload.linkerd.io");
    assertThat(crds.err()).isEmpty();
  }

  @Test
  void should_render_the_control_plane_objects_for_the_test_values() {
    List<Manifest> ms = manifests(plain);
    assertThat(names(ms, "Deployment")).containsExactlyInAnyOrderElementsOf(CONTROLLERS);
    assertThat(names(ms, "ServiceAccount"))
        .containsExactlyInAnyOrder(
            "linkerd-identity",
            "linkerd-destination",
            "linkerd-heartbeat",
            "linkerd-proxy-injector");
    assertThat(names(ms, "Secret")).containsExactly("linkerd-identity-issuer");
    assertThat(names(ms, "ConfigMap"))
        .containsExactlyInAnyOrder("linkerd-config", "linkerd-identity-trust-roots");
    assertThat(names(ms, "CronJob")).containsExactly("linkerd-heartbeat");
    assertThat(names(ms, "PodDisruptionBudget")).isEmpty();
    assertThat(names(ms, "MutatingWebhookConfiguration"))
        .containsExactly("linkerd-proxy-injector-webhook-config");
    assertThat(names(ms, "ValidatingWebhookConfiguration"))
        .containsExactlyInAnyOrder(
            "linkerd-sp-validator-webhook-config", "linkerd-policy-validator-webhook-config");
    assertThat(ms).hasSize(37);
    assertThat(ms)
        .filteredOn(m -> m.namespace().isPresent())
        .allSatisfy(m -> assertThat(m.namespace()).contains("linkerd-dev"));
    for (String d : CONTROLLERS) {
      assertThat(at(one(ms, "Deployment", d).root(), "spec", "replicas")).as(d).isEqualTo(1);
    }
    assertThat(at(one(ms, "CronJob", "linkerd-heartbeat").root(), "spec", "schedule"))
        .isEqualTo("1 2 3 4 5");
    assertThat(plain.err())
        .isEqualTo(
            "note: the chart renders no Namespace; create namespace linkerd-dev before applying\n");
  }

  @Test
  void should_take_the_test_values_into_the_pods_and_the_webhooks() {
    List<Manifest> ms = manifests(plain);
    Manifest destination = one(ms, "Deployment", "linkerd-destination");
    Map<String, Object> init = proxyInit(destination);
    assertThat(init.get("image")).isEqualTo("cr.l5d.io/linkerd/proxy:test-proxy-version");
    assertThat(strings(init.get("args")))
        .containsSubsequence("--inbound-ports-to-ignore", "4190,4191,222")
        // the control plane's own pods always skip the API server ports
        .containsSubsequence("--outbound-ports-to-ignore", "443,6443");
    assertThat(at(init, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(
            at(
                one(ms, "MutatingWebhookConfiguration", "linkerd-proxy-injector-webhook-config")
                    .root(),
                "webhooks",
                "0",
                "clientConfig",
                "caBundle"))
        .isEqualTo(
            Base64.getEncoder()
                .encodeToString("proxy-injector CA bundle".getBytes(StandardCharsets.UTF_8)));
    HelmValues config =
        HelmValues.fromYaml(
            (String) at(one(ms, "ConfigMap", "linkerd-config").root(), "data", "values"), "config");
    assertThat(config.getString("linkerdVersion")).hasValue("linkerd-version");
    assertThat(config.getString("identityTrustDomain")).hasValue("test.trust.domain");
    assertThat(config.getString("proxy.image.version")).hasValue("test-proxy-version");
    assertThat(config.getString("proxyInit.ignoreOutboundPorts")).hasValue("111");
    assertThat(config.getString("identity.issuer.tls.keyPEM")).isEmpty();
  }

  @Test
  void should_put_the_identity_files_in_the_trust_roots_and_the_issuer_secret() {
    List<Manifest> ms = manifests(plain);
    assertThat(
            at(
                one(ms, "ConfigMap", "linkerd-identity-trust-roots").root(),
                "data",
                "ca-bundle.crt"))
        .isEqualTo(anchor.certificatePem().strip());
    Object crt = at(one(ms, "Secret", "linkerd-identity-issuer").root(), "data", "crt.pem");
    assertThat(new String(Base64.getDecoder().decode((String) crt), StandardCharsets.UTF_8))
        .isEqualTo(issuer.certificatePem().strip());
  }

  @Test
  void should_render_three_replicas_budgets_and_root_proxy_init_with_ha() {
    List<Manifest> ms = manifests(ha);
    for (String d : CONTROLLERS) {
      Manifest deployment = one(ms, "Deployment", d);
      assertThat(at(deployment.root(), "spec", "replicas")).as(d).isEqualTo(3);
      Map<String, Object> init = proxyInit(deployment);
      assertThat(map(init.get("securityContext")))
          .as(d)
          .containsEntry("runAsUser", 0)
          .containsEntry("runAsGroup", 0)
          .containsEntry("runAsNonRoot", false);
    }
    assertThat(names(ms, "PodDisruptionBudget")).hasSize(3);
    assertThat(ms).hasSize(40);
  }

  @Test
  void should_print_in_helms_install_order() {
    List<String> order =
        List.of(
            "ServiceAccount",
            "Secret",
            "ConfigMap",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment",
            "CronJob",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");
    for (CliRun run : List.of(plain, ha)) {
      List<Integer> ranks =
          manifests(run).stream()
              .map(m -> m.kind().orElse(""))
              .filter(k -> !k.equals("PodDisruptionBudget"))
              .map(order::indexOf)
              .toList();
      assertThat(ranks).doesNotContain(-1).isSorted();
    }
    List<Manifest> haManifests = manifests(ha);
    assertThat(
            haManifests.indexOf(
                haManifests.stream()
                    .filter(m -> m.kind().filter("PodDisruptionBudget"::equals).isPresent())
                    .findFirst()
                    .orElseThrow()))
        .isLessThan(haManifests.indexOf(one(haManifests, "ServiceAccount", "linkerd-identity")));
  }

  @Test
  void should_exit_2_for_bad_arguments() {
    String crdsChart = CHARTS.resolve("linkerd-crds").toString();
    assertThat(CliRun.of("install").exit()).isEqualTo(2);
    assertThat(CliRun.of("install", "--crds", "--viz", "--chart", crdsChart).err())
        .startsWith("mesh: --crds and --viz exclude each other");
    CliRun helmName = CliRun.of("install", "--chart", "linkerd/linkerd-control-plane");
    assertThat(helmName.exit()).isEqualTo(2);
    assertThat(helmName.err()).contains("repository URL followed by /NAME");
    CliRun partial =
        CliRun.of("install", "--chart", CONTROL_PLANE, "--identity-trust-anchors-file", "ca.crt");
    assertThat(partial.exit()).isEqualTo(2);
    assertThat(partial.err()).contains("go together");
    assertThat(CliRun.of("install", "--chart", crdsChart, "--version", "1.0.0").exit())
        .isEqualTo(2);
  }

  @Test
  void should_exit_1_naming_the_problem_when_the_install_fails() {
    CliRun oldKube =
        CliRun.of(
            "install",
            "--crds",
            "--chart",
            CHARTS.resolve("linkerd-crds").toString(),
            "--kube-version",
            "1.20.0");
    assertThat(oldKube.exit()).isEqualTo(1);
    assertThat(oldKube.out()).isEmpty();
    assertThat(oldKube.err())
        .startsWith("mesh: cannot render chart linkerd-crds: ")
        .contains("1.20.0");
    CliRun mismatched =
        CliRun.of(
            "install",
            "--chart",
            CONTROL_PLANE,
            "--identity-trust-anchors-file",
            identityFiles[1],
            "--identity-issuer-certificate-file",
            identityFiles[1],
            "--identity-issuer-key-file",
            identityFiles[5]);
    assertThat(mismatched.exit()).isEqualTo(1);
    assertThat(mismatched.out()).isEmpty();
    assertThat(mismatched.err())
        .startsWith("mesh: tls: Public and private key do not match")
        .doesNotContain(issuer.privateKeyPem().split("\n")[1]);
  }

  @Test
  void should_keep_helms_log_lines_off_stdout_in_a_fresh_jvm() throws Exception {
    // a table where the chart has a boolean: Helm's Go logger warns (and the value stays truthy:
    // the Gateway API CRDs render too)
    Path out = dir.resolve("fresh.out");
    Path err = dir.resolve("fresh.err");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MeshCommand.class.getName(),
                "install",
                "--crds",
                "--chart",
                CHARTS.resolve("linkerd-crds").toString(),
                "--set-json",
                "installGatewayAPI={\"a\":1}")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    String stdout = Files.readString(out);
    assertThat(Files.readString(err))
        .contains("warning: skipped value for linkerd-crds.installGatewayAPI");
    assertThat(stdout.lines())
        .noneMatch(
            l ->
                l.matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:.*")
                    || l.contains("[INFO]")
                    || l.contains("skipped value"));
    assertThat(stdout.split("(?m)^---$"))
        .allSatisfy(
            doc -> assertThat(doc.strip()).matches("(?s)(|# Source: linkerd-crds/templates/.*)"));
    assertThat(ManifestReader.create().readAll(stdout, "stdout")).hasSize(14);
  }
}
