package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SnapshotCluster#toBuilder()}: a snapshot with more objects, another version or policy. */
class SnapshotClusterToBuilderTest {

  private static List<String> namespaces(SnapshotCluster cluster) {
    return cluster.list(ResourceKind.NAMESPACES, ListQuery.inAllNamespaces()).stream()
        .map((V1Namespace n) -> n.getMetadata().getName())
        .toList();
  }

  @Test
  void should_derive_a_snapshot_with_more_objects_and_the_same_settings() {
    SnapshotCluster bare =
        SnapshotCluster.builder()
            .add("apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n", "bare.yaml")
            .serverVersion("v1.31.2")
            .accessPolicy(AccessPolicy.denyAll())
            .build();

    SnapshotCluster installed =
        bare.toBuilder()
            .add("apiVersion: v1\nkind: Namespace\nmetadata: {name: linkerd}\n", "installed.yaml")
            .build();

    assertThat(namespaces(installed)).containsExactly("apps", "linkerd");
    assertThat(namespaces(bare)).as("the original is unchanged").containsExactly("apps");
    assertThat(installed.serverVersion().getGitVersion()).isEqualTo("v1.31.2");
    V1ResourceAttributes createPods = new V1ResourceAttributes().verb("create").resource("pods");
    assertThat(bare.accessReview(createPods).getAllowed()).isFalse();
    assertThat(installed.accessReview(createPods).getAllowed()).isFalse();
  }
}
