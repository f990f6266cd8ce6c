package io.meshsdk.testing;

// The README's mesh-testing example, verbatim: it must run, not only compile.
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LinkerdClusterTest {
  // one server for the whole class; .perMethod() for a fresh one per test, .https() for TLS
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .seed(
              """
          apiVersion: v1
          kind: Namespace
          metadata: {name: linkerd}
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: linkerd-destination-5d7c8-x2x9q
            namespace: linkerd
            labels: {linkerd.io/control-plane-component: destination}
          status: {phase: Running}
          """) // or .seedResource("cluster.yaml"), .seed(Path.of("kubectl-dump.yaml"))
          .accessPolicy(
              AccessPolicy.builder()
                  .deny("create", "linkerd", "apps", "deployments")
                  .allowByDefault()
                  .build())
          .build();

  @Test
  void should_find_the_control_plane(LiveCluster cluster) {
    assertThat(
            cluster.list(
                ResourceKind.PODS,
                ListQuery.inNamespace("linkerd")
                    .withLabelSelector(
                        "linkerd.io/control-plane-component in (destination,identity)")))
        .extracting(p -> p.getStatus().getPhase())
        .containsExactly("Running");
    assertThat(
            cluster
                .accessReview(
                    new V1ResourceAttributes()
                        .verb("create")
                        .group("apps")
                        .resource("deployments")
                        .namespace("linkerd"))
                .getAllowed())
        .isFalse();
    assertThat(KUBE.journal().mutations()).isEmpty(); // the run only read
  }

  @Test
  void should_fail_clearly_and_retry_when_the_server_errors(KubeApiServer server) {
    server.inject(Fault.serverError().on("/api/v1/namespaces/linkerd/pods"));
    LiveCluster cluster =
        server
            .liveClusterBuilder()
            .retries(3, Duration.ofMillis(10))
            .requestDeadline(Duration.ofSeconds(5))
            .build();

    assertThatThrownBy(() -> cluster.list(ResourceKind.PODS, ListQuery.inNamespace("linkerd")))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessageContaining("GET /api/v1/namespaces/linkerd/pods");
    assertThat(server.journal().count("GET", "/api/v1/namespaces/linkerd/pods")).isEqualTo(3);
  }

  @Test
  void should_serve_the_official_client_and_kubectl(ApiClient client, @Kubeconfig Path kubeconfig)
      throws Exception {
    assertThat(new CoreV1Api(client).listNamespace().execute().getItems()).hasSize(1);
    assertThat(Files.readString(kubeconfig)).contains("current-context: mesh-testing");
    // e.g. new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "get", "pods",
    // "-A")
  }
}
