package io.meshsdk.install.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.install.FieldChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's data diff: live → planned paths, server-owned fields ignored, Secret data hidden. */
class TreeDiffTest {

  private static Map<String, Object> yaml(String text) {
    return ManifestReader.create().readAll(text, "test").get(0).copyObject();
  }

  @Test
  void should_find_nothing_when_only_server_owned_fields_differ() {
    Map<String, Object> live =
        yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              namespace: linkerd
              uid: 1b4e28ba-2fa1-11d2-883f-0016d3cca427
              resourceVersion: "812"
              generation: 3
              creationTimestamp: "2026-01-01T00:00:00Z"
              managedFields: [{manager: mesh, operation: Apply}]
            data: {a: "1", n: 2}
            status: {phase: whatever}
            """);
    Map<String, Object> planned =
        yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c, namespace: linkerd, resourceVersion: "813"}
            data: {a: "1", n: 2}
            """);
    assertThat(TreeDiff.diff(live, planned)).isEmpty();
  }

  @Test
  void should_compare_numbers_by_value() {
    assertThat(TreeDiff.diff(Map.of("spec", Map.of("n", 2L)), Map.of("spec", Map.of("n", 2.0))))
        .isEmpty();
    assertThat(TreeDiff.diff(Map.of("spec", Map.of("n", 2L)), Map.of("spec", Map.of("n", 2.5))))
        .extracting(FieldChange::toString)
        .containsExactly("spec.n: 2 → 2.5");
  }

  @Test
  void should_name_each_differing_path_with_the_live_and_planned_values() {
    Map<String, Object> live =
        yaml(
            """
            kind: Deployment
            metadata:
              name: d
              labels: {linkerd.io/control-plane-ns: linkerd, gone: x}
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - {name: a, image: "cr.l5d.io/a:1"}
            """);
    Map<String, Object> planned =
        yaml(
            """
            kind: Deployment
            metadata:
              name: d
              labels: {linkerd.io/control-plane-ns: linkerd-dev}
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - {name: a, image: "cr.l5d.io/a:2"}
                  - {name: b}
            """);
    List<FieldChange> changes = TreeDiff.diff(live, planned);

    assertThat(changes)
        .extracting(FieldChange::toString)
        .containsExactly(
            "metadata.labels[\"linkerd.io/control-plane-ns\"]: \"linkerd\" → \"linkerd-dev\"",
            "metadata.labels.gone: removed (was \"x\")",
            "spec.replicas: 1 → 3",
            "spec.template.spec.containers[0].image: \"cr.l5d.io/a:1\" → \"cr.l5d.io/a:2\"",
            "spec.template.spec.containers[1]: added: {\"name\":\"b\"}");
    assertThat(changes.get(2).live()).contains("1");
    assertThat(changes.get(2).planned()).contains("3");
  }

  @Test
  void should_show_only_the_size_of_secret_data() {
    Map<String, Object> live =
        yaml(
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: linkerd-identity-issuer}
            data: {tls.key: c2VjcmV0LW9sZA==, ca.crt: YQ==}
            stringData: {x: live-secret}
            """);
    Map<String, Object> planned =
        yaml(
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: linkerd-identity-issuer}
            data: {tls.key: c2VjcmV0LW5ldy1rZXk=, ca.crt: YQ==, tls.crt: YWJj}
            stringData: {x: planned-secret}
            """);
    List<FieldChange> changes = TreeDiff.diff(live, planned);

    assertThat(changes)
        .extracting(FieldChange::toString)
        .containsExactly(
            "data[\"tls.key\"]: changed (14 bytes)",
            "data[\"tls.crt\"]: added (3 bytes)",
            "stringData.x: changed (14 bytes)");
    assertThat(changes)
        .allSatisfy(
            c -> {
              assertThat(c.live()).isEqualTo(Optional.empty());
              assertThat(c.planned()).isEqualTo(Optional.empty());
            });
    assertThat(changes.toString()).doesNotContain("c2Vj", "secret-new", "planned-secret", "live");
  }

  @Test
  void should_shorten_long_values() {
    String longText = "x".repeat(500);
    List<FieldChange> changes =
        TreeDiff.diff(
            Map.of("kind", "ConfigMap", "data", Map.of("values", "short")),
            Map.of("kind", "ConfigMap", "data", Map.of("values", longText)));
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).summary()).endsWith("… (502 characters)").hasSizeLessThan(120);
  }
}
