package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.testing.KubeApiServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs InstallAndApply against mesh-testing's API server (a docker-runtime node, as the seed's).
 */
class InstallAndApplyTest {
  private static Path charts;

  @BeforeAll
  static void charts() {
    charts =
        Path.of(System.getProperty("mesh.conformance.dir", "../shared/conformance"))
            .resolve("linkerd/charts-repo/charts");
    if (!Files.isDirectory(charts.resolve("linkerd-control-plane"))) {
      String message = "Linkerd's charts are not at " + charts.toAbsolutePath();
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
  }

  private static String seed() {
    try (InputStream in =
        Objects.requireNonNull(InstallAndApplyTest.class.getResourceAsStream("pre-cluster.yaml"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("NODE_HEARTBEAT", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
          .replace("NODE_RUNTIME", "docker://20.10.7");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_plan_then_apply_the_crds_and_the_control_plane_and_wait_for_it() {
    try (KubeApiServer server =
        KubeApiServer.builder()
            .seed(seed())
            .simulateWorkloads(Duration.ofMillis(500)) // Deployments ready 0.5 s after a write
            .start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      int exit =
          InstallAndApply.run(
              charts, server.liveCluster(), Duration.ofMinutes(1), new PrintStream(out, true));

      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(text).isZero();
      assertThat(text)
          .contains(
              "+ created CustomResourceDefinition servers.policy.linkerd.io\n",
              "+ created Namespace linkerd\n",
              "+ created Deployment linkerd/linkerd-destination\n")
          .containsPattern("\napplied (\\d+) objects: \\1 created, 0 changed, 0 unchanged in ");
      assertThat(
              server.liveCluster().get(ResourceKind.DEPLOYMENTS, "linkerd", "linkerd-destination"))
          .isPresent();
    }
  }

  @Test
  void should_report_the_refusing_checks_and_apply_nothing() {
    String withoutAuthConfigMap =
        seed().replace("name: extension-apiserver-authentication", "name: something-else");
    try (KubeApiServer server = KubeApiServer.builder().seed(withoutAuthConfigMap).start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      int exit =
          InstallAndApply.run(
              charts, server.liveCluster(), Duration.ZERO, new PrintStream(out, true));

      assertThat(exit).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "refused: can read extension-apiserver-authentication configmap: configmaps"
                  + " \"extension-apiserver-authentication\" not found\n");
      assertThat(server.journal().mutations()).isEmpty();
    }
  }
}
