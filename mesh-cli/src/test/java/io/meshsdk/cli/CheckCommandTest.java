package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh check} in snapshot mode. */
class CheckCommandTest {
  private static final String NOW = "2026-01-01T00:00:00Z";

  /** A cluster before Linkerd: Gateway API CRDs, two nodes of which one runs docker. */
  private static final String PRE_CLUSTER =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: httproutes.gateway.networking.k8s.io
      spec:
        group: gateway.networking.k8s.io
        names: {plural: httproutes, kind: HTTPRoute}
        scope: Namespaced
        versions:
        - name: v1
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: kube-system
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: extension-apiserver-authentication
        namespace: kube-system
      data:
        requestheader-client-ca-file: some-ca
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: node-a
      status:
        conditions:
        - type: Ready
          status: "True"
          lastHeartbeatTime: "2026-01-01T00:00:00Z"
        nodeInfo:
          containerRuntimeVersion: docker://20.10.7
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: node-b
      status:
        conditions:
        - type: Ready
          status: "True"
          lastHeartbeatTime: "2026-01-01T00:00:00Z"
        nodeInfo:
          containerRuntimeVersion: containerd://1.7.2
      """;

  @TempDir Path dir;
  private Path cluster;

  @BeforeEach
  void writeCluster() throws IOException {
    cluster = dir.resolve("cluster.yaml");
    Files.writeString(cluster, PRE_CLUSTER);
  }

  private CliRun pre(String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "check";
    args[1] = "--pre";
    args[2] = "--snapshot";
    args[3] = cluster.toString();
    args[4] = "--now=" + NOW;
    System.arraycopy(more, 0, args, 5, more.length);
    return CliRun.of(args);
  }

  @Test
  void should_warn_before_install_about_docker_nodes_naming_them_and_the_fix() {
    CliRun run = pre();

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            """
        pre-kubernetes-setup
        --------------------
        √ control plane namespace does not already exist
        √ can create non-namespaced resources
        √ can create ServiceAccounts
        """);
    assertThat(run.out())
        .contains(
            """
        √ no clock skew detected
        ‼ proxy-init container runs as root user if docker container runtime is used
            there are nodes using the docker container runtime and proxy-init container must \
        run as root user: node-a
        try installing linkerd via --set proxyInit.runAsRoot=true
            see https://linkerd.io/2/checks/#l5d-proxy-init-run-as-root for hints
        """);
    assertThat(run.out()).endsWith("\nStatus check results are √\n");
  }

  @Test
  void should_pass_the_docker_check_when_the_planned_values_run_proxy_init_as_root() {
    CliRun run = pre("--set", "proxyInit.runAsRoot=true");

    assertThat(run.out())
        .contains("√ proxy-init container runs as root user if docker container runtime is used\n");
  }

  @Test
  void should_warn_offline_that_versions_were_not_looked_up() {
    CliRun run = pre();

    assertThat(run.out())
        .contains("‼ can determine the latest version\n")
        .contains(
            "‼ cli is up-to-date\n    unable to determine version channel\n"
                + "    see https://linkerd.io/2/checks/#l5d-version-cli for hints\n");
  }

  @Test
  void should_exit_1_on_warnings_when_asked_to_fail_on_them() {
    assertThat(pre("--fail-on", "warning").exit()).isEqualTo(1);
    assertThat(pre("--fail-on", "error").exit()).isZero();
  }

  @Test
  void should_fail_when_the_server_is_older_than_linkerd_supports() {
    CliRun run = pre("--server-version", "v1.30.4");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "× is running the minimum Kubernetes API version\n"
                + "    Kubernetes is on version [1.30.4], but version [1.31.0] or more recent is required\n")
        .endsWith("Status check results are ×\n");
  }

  @Test
  void should_report_denied_access_reviews_as_errors() {
    CliRun run = pre("--assume-access", "deny");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("× can create Deployments\n" + "    not authorized to access deployments.apps\n");
  }

  @Test
  void should_print_one_json_document_in_linkerds_schema() {
    CliRun run = pre("-o", "json");

    JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(doc.get("success").getAsBoolean()).isTrue();
    assertThat(doc.getAsJsonArray("categories"))
        .extracting(c -> c.getAsJsonObject().get("categoryName").getAsString())
        .containsExactly(
            "kubernetes-api",
            "kubernetes-version",
            "gateway-api-crd",
            "pre-kubernetes-setup",
            "linkerd-version");
  }

  @Test
  void should_print_junit_xml_with_warnings_distinguishable_from_failures() {
    CliRun run = pre("-o", "junit", "--server-version", "v1.30.0");

    assertThat(run.out())
        .startsWith("<?xml")
        .contains("<testsuites")
        .contains("is running the minimum Kubernetes API version")
        .contains("<failure")
        .contains("<system-out>");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void should_exit_2_on_conflicting_modes_and_options() {
    assertThat(CliRun.of("check", "--pre", "--proxy", "--snapshot", cluster.toString()).exit())
        .isEqualTo(2);
    assertThat(CliRun.of("check", "--viz", "--crds", "--snapshot", cluster.toString()).exit())
        .isEqualTo(2);
    CliRun liveOnly = CliRun.of("check", "--server-version", "v1.31.0");
    assertThat(liveOnly.exit()).isEqualTo(2);
    assertThat(liveOnly.err()).contains("--server-version can only be used with --snapshot");
    assertThat(pre("--fail-on", "sometimes").exit()).isEqualTo(2);
    assertThat(pre("-o", "yaml").exit()).isEqualTo(2);
  }

  @Test
  void should_report_a_missing_control_plane_and_stop_at_the_fatal_check() {
    CliRun run = CliRun.of("check", "--snapshot", cluster.toString(), "--now=" + NOW);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "linkerd-existence\n-----------------\n"
                + "× 'linkerd-config' config map exists\n"
                + "    configmaps \"linkerd-config\" not found\n"
                + "    see https://linkerd.io/2/checks/#l5d-existence-linkerd-config for hints\n\n"
                + "Status check results are ×\n");
  }
}
