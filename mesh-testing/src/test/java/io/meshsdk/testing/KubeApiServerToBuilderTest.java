package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.manifest.Manifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link KubeApiServer#toBuilder()}: another server started from the same configuration. */
class KubeApiServerToBuilderTest {
  private static final String SEED = "apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n";

  private static List<String> namespaces(KubeApiServer server) {
    LiveCluster live = LiveCluster.builder().kubeconfig(server.kubeconfig()).build();
    return live.list(ResourceKind.NAMESPACES, ListQuery.inAllNamespaces()).stream()
        .map(n -> n.getMetadata().getName())
        .toList();
  }

  @Test
  void should_start_a_server_alike_from_its_seeds_not_from_what_was_written_since() {
    try (KubeApiServer first =
        KubeApiServer.builder()
            .seed(SEED)
            .serverVersion("v1.32.1")
            .accessPolicy(AccessPolicy.denyAll())
            .start()) {
      LiveCluster.builder()
          .kubeconfig(first.kubeconfig())
          .build()
          .apply(
              Manifest.of(
                  Map.of(
                      "apiVersion", "v1",
                      "kind", "Namespace",
                      "metadata", Map.of("name", "written"))));

      try (KubeApiServer second = first.toBuilder().https().start()) {
        assertThat(namespaces(first)).contains("apps", "written");
        assertThat(namespaces(second)).contains("apps").doesNotContain("written");
        assertThat(second.baseUrl().toString()).startsWith("https://");
        LiveCluster live = LiveCluster.builder().kubeconfig(second.kubeconfig()).build();
        assertThat(live.serverVersion().getGitVersion()).isEqualTo("v1.32.1");
        assertThat(
                live.accessReview(new V1ResourceAttributes().verb("create").resource("pods"))
                    .getAllowed())
            .isFalse();
      }
    }
  }
}
