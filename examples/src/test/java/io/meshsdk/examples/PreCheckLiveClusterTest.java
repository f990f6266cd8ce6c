package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.testing.KubeApiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PreCheckLiveCluster} against mesh-testing's API server, through a kubeconfig file. */
class PreCheckLiveClusterTest {
  private static KubeApiServer server;
  @TempDir static Path dir;
  private static Path kubeconfig;

  @BeforeAll
  static void start() throws Exception {
    server =
        KubeApiServer.builder()
            .seedResource("io/meshsdk/examples/bare-cluster.yaml")
            .seedResource("io/meshsdk/examples/gateway-api-crds.yaml")
            .start();
    // the kubeconfig a user has: KUBECONFIG is process-wide, so the program takes the file instead
    kubeconfig = kubeconfigFor(server, "config");
  }

  private static Path kubeconfigFor(KubeApiServer server, String name) throws Exception {
    return Files.writeString(
        dir.resolve(name),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: eks-dev
          cluster: {server: "%s"}
        users:
        - name: dev
          user: {}
        contexts:
        - name: eks-dev
          context: {cluster: eks-dev, user: dev}
        current-context: eks-dev
        """
            .formatted(server.baseUrl()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        PreCheckLiveCluster.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void should_warn_about_the_docker_nodes_and_name_the_fix() {
    Run r = run(kubeconfig.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero(); // a warning does not fail the run
    assertThat(r.out())
        .contains("pre-kubernetes-setup\n--------------------")
        .contains(
            "‼ proxy-init container runs as root user if docker container runtime is used\n"
                + "    there are nodes using the docker container runtime and proxy-init container"
                + " must run as root user: ip-10-0-1-11.ec2.internal, ip-10-0-2-12.ec2.internal\n"
                + "try installing linkerd via --set proxyInit.runAsRoot=true")
        .doesNotContain("ip-10-0-3-13")
        .endsWith("Status check results are √\n");
    assertThat(server.journal().mutations()).as("a pre-check only reads").isEmpty();
  }

  @Test
  void should_pass_with_the_planned_values_that_run_proxy_init_as_root() {
    Run r = run(kubeconfig.toString(), "--set", "proxyInit.runAsRoot=true");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("√ proxy-init container runs as root user if docker container runtime is used")
        .doesNotContain("there are nodes using the docker container runtime");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void should_warn_about_a_mistyped_key_with_the_key_it_means() {
    Run r = run(kubeconfig.toString(), "--set", "proxyinit.runAsRoot=true");

    assertThat(r.err()).contains("proxyinit.runAsRoot").contains("proxyInit.runAsRoot");
    assertThat(r.out()).contains("‼ proxy-init container runs as root user");
  }

  @Test
  void should_stop_before_install_when_the_gateway_api_crds_are_missing() throws Exception {
    try (KubeApiServer bare =
        KubeApiServer.builder().seedResource("io/meshsdk/examples/bare-cluster.yaml").start()) {
      Run r = run(kubeconfigFor(bare, "bare-config").toString());

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out())
          .contains("× Gateway API CRDs are installed\n")
          .contains("kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api")
          .endsWith("Status check results are ×\n");
    }
  }

  @Test
  void should_fail_clearly_on_a_missing_kubeconfig() {
    Path missing = dir.resolve("no-such-config");
    Run r = run(missing.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains(missing.toString());
    assertThat(r.out()).isEmpty();
  }
}
