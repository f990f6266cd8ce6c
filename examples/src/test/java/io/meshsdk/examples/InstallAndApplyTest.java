package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionCondition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionStatus;
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
import java.util.List;
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

  /**
   * The test API server runs no controllers: this thread does what the API server's CRD controller
   * does, marking each stored CRD Established.
   */
  private static Thread crdController(KubeApiServer server) {
    Thread t =
        new Thread(
            () -> {
              ApiextensionsV1Api api = new ApiextensionsV1Api(server.apiClient());
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  for (V1CustomResourceDefinition crd :
                      api.listCustomResourceDefinition().execute().getItems()) {
                    if (crd.getStatus() == null || crd.getStatus().getConditions() == null) {
                      crd.setStatus(
                          new V1CustomResourceDefinitionStatus()
                              .conditions(
                                  List.of(
                                      new V1CustomResourceDefinitionCondition()
                                          .type("Established")
                                          .status("True"))));
                      api.replaceCustomResourceDefinitionStatus(crd.getMetadata().getName(), crd)
                          .execute();
                    }
                  }
                  Thread.sleep(100);
                } catch (ApiException e) {
                  // the server is closing
                  return;
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "crd-controller");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void should_plan_then_apply_the_crds_and_the_control_plane() throws InterruptedException {
    try (KubeApiServer server = KubeApiServer.builder().seed(seed()).start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread controller = crdController(server);

      int exit =
          InstallAndApply.run(
              charts, server.liveCluster(), Duration.ZERO, new PrintStream(out, true));
      controller.interrupt();
      controller.join();

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
