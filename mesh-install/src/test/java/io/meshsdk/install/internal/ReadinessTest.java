package io.meshsdk.install.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.install.ObjectRef;
import io.meshsdk.install.internal.Readiness.State;
import io.meshsdk.testing.KubeApiServerExtension;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When an applied object counts as ready, read from the test API server: a CRD by its Established
 * condition, a Deployment as {@code kubectl rollout status} decides.
 */
class ReadinessTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .seed(
              """
              apiVersion: apiextensions.k8s.io/v1
              kind: CustomResourceDefinition
              metadata: {name: established.example.io}
              spec:
                group: example.io
                scope: Namespaced
                names: {kind: Established, plural: established, singular: established}
                versions: [{name: v1, served: true, storage: true}]
              status:
                conditions:
                - {type: NamesAccepted, status: "True"}
                - {type: Established, status: "True"}
              ---
              apiVersion: apiextensions.k8s.io/v1
              kind: CustomResourceDefinition
              metadata: {name: pending.example.io}
              spec:
                group: example.io
                scope: Namespaced
                names: {kind: Pending, plural: pending, singular: pending}
                versions: [{name: v1, served: true, storage: true}]
              status:
                conditions:
                - {type: Established, status: "False", reason: Installing}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: ready, namespace: linkerd, generation: 2}
              spec: {replicas: 3}
              status: {observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: default-replicas, namespace: linkerd, generation: 1}
              spec: {}
              status: {observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: unobserved, namespace: linkerd}
              spec: {replicas: 1}
              status: {observedGeneration: 0, replicas: 1, updatedReplicas: 1, availableReplicas: 1}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: rolling, namespace: linkerd, generation: 1}
              spec: {replicas: 3}
              status: {observedGeneration: 1, replicas: 3, updatedReplicas: 1, availableReplicas: 3}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: old-left, namespace: linkerd, generation: 1}
              spec: {replicas: 2}
              status: {observedGeneration: 1, replicas: 3, updatedReplicas: 2, availableReplicas: 2}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: unavailable, namespace: linkerd, generation: 1}
              spec: {replicas: 2}
              status: {observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: no-status, namespace: linkerd, generation: 1}
              spec: {replicas: 1}
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: stuck, namespace: linkerd, generation: 1}
              spec: {replicas: 1}
              status:
                observedGeneration: 1
                replicas: 1
                updatedReplicas: 1
                conditions:
                - {type: Progressing, status: "False", reason: ProgressDeadlineExceeded}
              """)
          .build();

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of(crd("established.example.io"), new State(true, "", false)),
        Arguments.of(
            crd("pending.example.io"),
            new State(false, "Established is False (Installing)", false)),
        Arguments.of(crd("absent.example.io"), new State(false, "not found", false)),
        Arguments.of(deployment("ready"), new State(true, "", false)),
        Arguments.of(deployment("default-replicas"), new State(true, "", false)),
        Arguments.of(
            deployment("unobserved"),
            new State(false, "waiting for the deployment spec update to be observed", false)),
        Arguments.of(
            deployment("rolling"),
            new State(false, "1 of 3 updated replicas are available", false)),
        Arguments.of(
            deployment("old-left"),
            new State(false, "1 old replicas are pending termination", false)),
        Arguments.of(
            deployment("unavailable"),
            new State(false, "1 of 2 updated replicas are available", false)),
        Arguments.of(deployment("no-status"), new State(false, "no status yet", false)),
        Arguments.of(deployment("stuck"), new State(false, "exceeded its progress deadline", true)),
        Arguments.of(deployment("absent"), new State(false, "not found", false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void should_judge_readiness_as_kubectl_does(ObjectRef ref, State expected, LiveCluster cluster) {
    assertThat(Readiness.of(cluster, ref)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void should_wait_for_a_crd_without_an_established_condition() {
    // mesh-testing establishes every stored CRD: this case is judged on the model directly
    assertThat(
            Readiness.crd(
                Optional.of(
                    new io.kubernetes.client.openapi.models.V1CustomResourceDefinition()
                        .status(
                            new io.kubernetes.client.openapi.models
                                .V1CustomResourceDefinitionStatus()))))
        .isEqualTo(new State(false, "no Established condition yet", false));
  }

  private static ObjectRef crd(String name) {
    return new ObjectRef(
        "apiextensions.k8s.io/v1", "CustomResourceDefinition", Optional.empty(), name);
  }

  private static ObjectRef deployment(String name) {
    return new ObjectRef("apps/v1", "Deployment", Optional.of("linkerd"), name);
  }
}
