package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.identity.LinkerdIdentityConfig;
import io.meshsdk.testing.KubeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mesh install --apply / --plan} against mesh-testing's API server through a kubeconfig: the
 * pre-install refusal on docker nodes (exit 1, nothing on stdout, nothing written), the plan
 * (writes nothing), the apply (progress on stderr, summary on stdout) and the usage errors.
 */
class InstallApplyCommandTest {
  private static Path charts;

  @BeforeAll
  static void charts() {
    charts = LinkerdCharts.dir(); // skipped with a message when absent, failed under CI=true
  }

  /** A cluster the pre-install checks accept with runAsRoot: its node runs docker. */
  private static String seed() {
    try (InputStream in =
        Objects.requireNonNull(
            InstallApplyCommandTest.class.getResourceAsStream("pre-cluster.yaml"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("NODE_HEARTBEAT", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
          .replace("NODE_RUNTIME", "docker://20.10.7");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KubeApiServer server() {
    return KubeApiServer.builder().seed(seed()).start();
  }

  private static CliRun install(KubeApiServer server, String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "install";
    args[1] = "--chart";
    args[2] = charts.resolve("linkerd-control-plane").toString();
    args[3] = "--kubeconfig";
    args[4] = server.kubeconfig().toString();
    args[5] = "--wait=0s";
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.of(args);
  }

  @Test
  void should_exit_1_with_the_findings_and_print_and_write_nothing_when_the_checks_refuse() {
    try (KubeApiServer server = server()) {
      CliRun run = install(server, "--apply");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .contains(
              "the pre-install checks refuse the install",
              "proxy-init container runs as root user if docker container runtime is used",
              "--set proxyInit.runAsRoot=true");
      assertThat(server.journal().mutations()).isEmpty();
    }
  }

  @Test
  void should_print_the_plan_and_write_nothing() {
    try (KubeApiServer server = server()) {
      String[] args = {
        "install",
        "--chart",
        charts.resolve("linkerd-control-plane").toString(),
        "--kubeconfig",
        server.kubeconfig().toString(),
        "--plan",
        "--set",
        "proxyInit.runAsRoot=true"
      };
      CliRun run = CliRun.of(args);

      assertThat(run.exit()).as(run.err()).isEqualTo(0);
      assertThat(run.out())
          .contains(
              "+ created Namespace linkerd\n",
              "+ created Deployment linkerd/linkerd-identity\n",
              "+ created Secret linkerd/linkerd-identity-issuer\n")
          .containsPattern("plan: \\d+ to create, 0 to change, 0 unchanged\n$")
          .doesNotContain("BEGIN", "PRIVATE KEY");
      assertThat(server.journal().mutations()).isEmpty();
    }
  }

  @Test
  void should_apply_with_progress_on_stderr_and_the_summary_on_stdout() {
    try (KubeApiServer server = server()) {
      CliRun run = install(server, "--apply", "--set", "proxyInit.runAsRoot=true");

      assertThat(run.exit()).as(run.err()).isEqualTo(0);
      assertThat(run.out())
          .matches("applied \\d+ objects: \\d+ created, 0 changed, 0 unchanged in .*\n");
      assertThat(run.err())
          .containsPattern("\\[pre-checks\\] pre-install checks passed \\(\\d+ ms\\)\n")
          .containsPattern("\\[namespaces\\] 1 created, 0 changed, 0 unchanged \\(\\d+ ms\\)\n")
          .containsPattern("\\[resources\\] \\d+ created, 0 changed, 0 unchanged \\(\\d+ ms\\)\n")
          .doesNotContain("\r", "BEGIN", "PRIVATE KEY");
      assertThat(
              server
                  .liveCluster()
                  .get(ResourceKind.CONFIG_MAPS, "linkerd", LinkerdIdentityConfig.CONFIG_MAP))
          .isPresent();
      assertThat(server.journal().mutations())
          .allSatisfy(w -> assertThat(w.queryParameter("fieldManager")).contains("mesh"));
    }
  }

  @Test
  void should_apply_the_crds_then_the_control_plane_and_wait_until_it_is_ready() {
    try (KubeApiServer server =
        KubeApiServer.builder()
            .seed(seed())
            .simulateWorkloads(java.time.Duration.ofMillis(300))
            .start()) {
      CliRun crds =
          CliRun.of(
              "install",
              "--crds",
              "--chart",
              charts.resolve("linkerd-crds").toString(),
              "--apply",
              "--kubeconfig",
              server.kubeconfig().toString());
      assertThat(crds.exit()).as(crds.err()).isEqualTo(0);
      assertThat(crds.out())
          .matches("applied 10 objects: 10 created, 0 changed, 0 unchanged in .*\n");
      assertThat(crds.err()).containsPattern("\\[crds\\] 10 created, 0 changed, 0 unchanged");

      CliRun cp =
          CliRun.of(
              "install",
              "--chart",
              charts.resolve("linkerd-control-plane").toString(),
              "--apply",
              "--kubeconfig",
              server.kubeconfig().toString(),
              "--wait",
              "2m",
              "--set",
              "proxyInit.runAsRoot=true");
      assertThat(cp.exit()).as(cp.err()).isEqualTo(0);
      assertThat(cp.err()).containsPattern("\\[wait\\] 3 ready \\(\\d+ ms\\)\n");
      assertThat(
              server
                  .liveCluster()
                  .get(ResourceKind.DEPLOYMENTS, "linkerd", "linkerd-identity")
                  .orElseThrow()
                  .getStatus()
                  .getAvailableReplicas())
          .isEqualTo(1);
    }
  }

  @Test
  void should_refuse_cluster_options_without_apply_or_plan_and_output_with_them() {
    String chart = charts.resolve("linkerd-control-plane").toString();
    assertThat(CliRun.of("install", "--chart", chart, "--skip-checks").exit()).isEqualTo(2);
    assertThat(CliRun.of("install", "--chart", chart, "--wait", "1m").exit()).isEqualTo(2);
    CliRun output = CliRun.of("install", "--chart", chart, "--apply", "-o", "json");
    assertThat(output.exit()).isEqualTo(2);
    assertThat(output.err()).contains("-o cannot be used with --apply or --plan");
    assertThat(CliRun.of("install", "--chart", chart, "--plan", "--wait", "1m").exit())
        .isEqualTo(2);
    assertThat(CliRun.of("install", "--chart", chart, "--apply", "--wait", "-1s").exit())
        .isEqualTo(2);
  }

  @Test
  void should_render_for_the_servers_version() {
    assertThat(InstallCommand.kubeVersionOf("v1.31.2+k3s1")).isEqualTo("1.31.2");
    assertThat(InstallCommand.kubeVersionOf("v1.34.0-eks-2d98532")).isEqualTo("1.34.0");
    assertThat(InstallCommand.kubeVersionOf("unknown")).isEqualTo("1.31.0");
  }
}
