package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.cluster.ApplyOptions;
import io.meshsdk.cluster.GroupVersionResource;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Once a CustomResourceDefinition is stored, the kit records what the API server's own CRD
 * controllers do (Established, NamesAccepted, accepted names, stored versions), and serves its
 * resources at once.
 */
class CustomResourceDefinitionStatusTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .perMethod()
          .clock(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC))
          .build();

  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: servers.policy.linkerd.io}
      spec:
        group: policy.linkerd.io
        scope: Namespaced
        names: {plural: servers, singular: server, kind: Server, listKind: ServerList, shortNames: [srv]}
        versions:
        - {name: v1beta1, served: true, storage: false}
        - {name: v1beta3, served: true, storage: true}
      """;

  private static Manifest manifest(String yaml) {
    return ManifestReader.create().readAll(yaml, "crd.yaml").get(0);
  }

  @Test
  void should_establish_an_applied_crd_and_serve_its_resources_at_once(LiveCluster cluster) {
    Map<String, Object> applied = cluster.apply(manifest(CRD), ApplyOptions.defaults());

    Map<String, Object> live = cluster.getObject(manifest(CRD)).orElseThrow();
    assertThat(live).isEqualTo(applied);
    assertThat(live.get("status"))
        .isEqualTo(
            Map.of(
                "conditions",
                List.of(
                    Map.of(
                        "type", "NamesAccepted",
                        "status", "True",
                        "lastTransitionTime", "2026-05-01T10:00:00Z",
                        "reason", "NoConflicts",
                        "message", "no conflicts found"),
                    Map.of(
                        "type", "Established",
                        "status", "True",
                        "lastTransitionTime", "2026-05-01T10:00:00Z",
                        "reason", "InitialNamesAccepted",
                        "message", "the initial names have been accepted")),
                "acceptedNames",
                Map.of(
                    "plural", "servers",
                    "singular", "server",
                    "kind", "Server",
                    "listKind", "ServerList",
                    "shortNames", List.of("srv")),
                "storedVersions",
                List.of("v1beta3")));
    assertThat(
            cluster.listCustom(
                GroupVersionResource.of("policy.linkerd.io", "v1beta3", "servers"),
                ListQuery.inAllNamespaces()))
        .isEmpty();
    assertThat(cluster.apply(manifest(CRD), ApplyOptions.defaults()))
        .as("established once; a second apply changes nothing")
        .isEqualTo(live);
  }

  @Test
  void should_keep_the_status_a_seeded_crd_carries(KubeApiServer server, LiveCluster cluster) {
    server.seed(
        CRD
            + """
            status:
              conditions:
              - {type: Established, status: "False", reason: Installing, message: not yet}
            """);

    Map<String, Object> live = cluster.getObject(manifest(CRD)).orElseThrow();

    assertThat(live.get("status").toString())
        .contains("type=Established, status=False, reason=Installing")
        .contains("type=NamesAccepted, status=True");
  }
}
