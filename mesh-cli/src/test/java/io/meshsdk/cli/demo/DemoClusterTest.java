package io.meshsdk.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.manifest.Manifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo cluster's templates and what its "controllers" add to applied objects. */
class DemoClusterTest {
  @Test
  void should_fill_a_value_of_several_lines_with_the_indentation_of_its_line() {
    String filled =
        DemoCluster.fill(
            "data:\n  ca.crt: |\n    ${pem}\n  other: ${one}\n",
            Map.of("pem", "-----BEGIN-----\nAAAA\n-----END-----\n", "one", "x"));

    assertThat(filled)
        .isEqualTo(
            "data:\n  ca.crt: |\n    -----BEGIN-----\n    AAAA\n    -----END-----\n  other: x\n");
  }

  @Test
  void should_refuse_a_placeholder_without_a_value_or_a_multi_line_value_inside_a_line() {
    assertThatThrownBy(() -> DemoCluster.fill("a: ${missing}\n", Map.of()))
        .hasMessageContaining("${missing}");
    assertThatThrownBy(() -> DemoCluster.fill("a: ${pem}\n", Map.of("pem", "x\ny")))
        .hasMessageContaining("must stand alone");
  }

  @Test
  void should_start_the_pods_of_a_deployment_and_the_endpoints_of_its_service() {
    List<Manifest> applied =
        io.meshsdk.core.manifest.ManifestReader.create()
            .readAll(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 2
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: web:1}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                """,
                "shop.yaml");
    List<Manifest> objects =
        new DemoCluster(List.of("node-a", "node-b"), Demo.CLOCK, 0).apply(applied, null, false);

    assertThat(objects)
        .extracting(m -> m.kind().orElse(""))
        .containsExactly("Deployment", "Service", "Pod", "Pod", "Endpoints");
    assertThat(objects.get(1).copyObject().toString()).contains("clusterIP=172.20.");
    Map<String, Object> pod = objects.get(2).copyObject();
    assertThat(pod.get("spec").toString()).contains("nodeName=node-a");
    assertThat(pod.get("status").toString())
        .contains("phase=Running", "podIP=10.0.1.", "ready=true");
    assertThat(objects.get(4).copyObject().toString())
        .contains("kind=Pod", "port=8080", (String) ((Map<?, ?>) pod.get("metadata")).get("name"));
    assertThat(DemoCluster.word("shop/web", 10))
        .hasSize(10)
        .isEqualTo(DemoCluster.word("shop/web", 10));
  }
}
