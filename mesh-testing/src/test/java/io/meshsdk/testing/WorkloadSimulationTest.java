package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.meshsdk.cluster.ApplyOptions;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.manifest.ManifestReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * With {@code simulateWorkloads(delay)}, written workloads become ready after the delay on the
 * server's clock, with Pods made from their templates, as the cluster's controllers would make
 * them; without it nothing happens to them.
 */
class WorkloadSimulationTest {

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-05-01T10:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private static final String NODES =
      """
      apiVersion: v1
      kind: Node
      metadata: {name: node-b}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: node-a}
      """;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: linkerd-destination, namespace: linkerd}
      spec:
        replicas: 2
        selector: {matchLabels: {linkerd.io/control-plane-component: destination}}
        template:
          metadata:
            labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
            annotations: {linkerd.io/proxy-version: edge-25.4.4}
          spec:
            initContainers:
            - {name: linkerd-init, image: cr.l5d.io/linkerd/proxy-init:v2.4.2}
            containers:
            - {name: linkerd-proxy, image: cr.l5d.io/linkerd/proxy:edge-25.4.4}
            - {name: destination, image: cr.l5d.io/linkerd/controller:edge-25.4.4}
      """;

  private static void apply(LiveCluster cluster, String yaml) {
    for (var m : ManifestReader.create().readAll(yaml, "workload.yaml")) {
      cluster.apply(m, ApplyOptions.defaults());
    }
  }

  private static List<V1Pod> pods(LiveCluster cluster, String selector) {
    return cluster.list(
        ResourceKind.PODS, ListQuery.inNamespace("linkerd").withLabelSelector(selector));
  }

  private static V1Deployment deployment(LiveCluster cluster) {
    return cluster.get(ResourceKind.DEPLOYMENTS, "linkerd", "linkerd-destination").orElseThrow();
  }

  @Test
  void should_make_a_deployment_ready_with_pods_once_the_delay_has_passed() {
    TestClock clock = new TestClock();
    try (KubeApiServer server =
        KubeApiServer.builder()
            .clock(clock)
            .simulateWorkloads(Duration.ofSeconds(30))
            .seed(NODES)
            .start()) {
      LiveCluster cluster = server.liveCluster();
      apply(cluster, DEPLOYMENT);

      clock.advance(Duration.ofSeconds(29));
      assertThat(deployment(cluster).getStatus()).as("not yet").isNull();
      assertThat(pods(cluster, "linkerd.io/control-plane-component")).isEmpty();

      clock.advance(Duration.ofSeconds(1));
      V1Deployment ready = deployment(cluster);

      assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
      assertThat(ready.getStatus().getReplicas()).isEqualTo(2);
      assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(ready.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(ready.getStatus().getUpdatedReplicas()).isEqualTo(2);
      assertThat(ready.getStatus().getConditions())
          .filteredOn(c -> c.getType().equals("Available"))
          .extracting(V1DeploymentCondition::getStatus)
          .containsExactly("True");

      List<V1Pod> pods = pods(cluster, "linkerd.io/control-plane-component=destination");
      assertThat(pods).hasSize(2);
      List<V1ReplicaSet> sets =
          cluster.list(ResourceKind.REPLICA_SETS, ListQuery.inNamespace("linkerd"));
      assertThat(sets).singleElement();
      V1ReplicaSet rs = sets.get(0);
      assertThat(rs.getMetadata().getOwnerReferences())
          .extracting(V1OwnerReference::getKind, V1OwnerReference::getUid)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Deployment", ready.getMetadata().getUid()));
      String hash = rs.getMetadata().getLabels().get("pod-template-hash");
      assertThat(rs.getMetadata().getName()).isEqualTo("linkerd-destination-" + hash);
      assertThat(pods)
          .extracting(p -> p.getSpec().getNodeName())
          .containsExactlyInAnyOrder("node-a", "node-b");
      for (V1Pod pod : pods) {
        assertThat(pod.getMetadata().getName()).startsWith("linkerd-destination-" + hash + "-");
        assertThat(pod.getMetadata().getLabels())
            .containsEntry("linkerd.io/control-plane-ns", "linkerd")
            .containsEntry("pod-template-hash", hash);
        assertThat(pod.getMetadata().getAnnotations())
            .containsEntry("linkerd.io/proxy-version", "edge-25.4.4");
        assertThat(pod.getMetadata().getOwnerReferences())
            .extracting(V1OwnerReference::getKind, V1OwnerReference::getName)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("ReplicaSet", rs.getMetadata().getName()));
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pod.getStatus().getConditions())
            .filteredOn(c -> c.getType().equals("Ready"))
            .extracting(V1PodCondition::getStatus)
            .containsExactly("True");
        assertThat(pod.getStatus().getContainerStatuses())
            .extracting(V1ContainerStatus::getName, V1ContainerStatus::getReady)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("linkerd-proxy", true),
                org.assertj.core.groups.Tuple.tuple("destination", true));
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getRunning())
            .isNotNull();
        assertThat(pod.getStatus().getInitContainerStatuses())
            .singleElement()
            .satisfies(
                s -> assertThat(s.getState().getTerminated().getReason()).isEqualTo("Completed"));
        assertThat(pod.getStatus().getStartTime()).hasToString("2026-05-01T10:00:30Z");
      }
      assertThat(server.journal().mutations())
          .as("the simulation writes as a controller, not as a client")
          .hasSize(1);
    }
  }

  @Test
  void should_replace_the_pods_for_a_new_generation_and_delete_them_with_the_workload()
      throws Exception {
    TestClock clock = new TestClock();
    try (KubeApiServer server =
        KubeApiServer.builder().clock(clock).simulateWorkloads(Duration.ZERO).start()) {
      LiveCluster cluster = server.liveCluster();
      apply(cluster, DEPLOYMENT);
      List<String> first =
          pods(cluster, "linkerd.io/control-plane-component").stream()
              .map(p -> p.getMetadata().getName())
              .toList();
      assertThat(first).hasSize(2);
      String resourceVersion = deployment(cluster).getMetadata().getResourceVersion();

      apply(cluster, DEPLOYMENT);
      assertThat(deployment(cluster).getMetadata().getResourceVersion())
          .as("the same generation again: nothing to settle")
          .isEqualTo(resourceVersion);

      apply(
          cluster,
          DEPLOYMENT
              .replace("replicas: 2", "replicas: 3")
              .replace("controller:edge", "controller:edge-next"));
      List<V1Pod> second = pods(cluster, "linkerd.io/control-plane-component");

      assertThat(deployment(cluster).getStatus().getObservedGeneration()).isEqualTo(2L);
      assertThat(second).hasSize(3);
      assertThat(second)
          .extracting(p -> p.getMetadata().getName())
          .doesNotContainAnyElementsOf(first);
      assertThat(second)
          .extracting(p -> p.getStatus().getContainerStatuses().get(1).getImage())
          .containsOnly("cr.l5d.io/linkerd/controller:edge-next-25.4.4");
      assertThat(cluster.list(ResourceKind.REPLICA_SETS, ListQuery.inNamespace("linkerd")))
          .hasSize(1);

      java.net.http.HttpResponse<String> deleted =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          server
                              .baseUrl()
                              .resolve(
                                  "/apis/apps/v1/namespaces/linkerd/deployments/linkerd-destination"))
                      .DELETE()
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(200);
      assertThat(pods(cluster, "linkerd.io/control-plane-component")).isEmpty();
      assertThat(cluster.list(ResourceKind.REPLICA_SETS, ListQuery.inNamespace("linkerd")))
          .isEmpty();
    }
  }

  @Test
  void should_make_stateful_sets_and_daemon_sets_ready_with_their_own_pods() {
    try (KubeApiServer server =
        KubeApiServer.builder().simulateWorkloads(Duration.ZERO).seed(NODES).start()) {
      LiveCluster cluster = server.liveCluster();
      apply(
          cluster,
          """
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: prometheus, namespace: linkerd}
          spec:
            replicas: 2
            serviceName: prometheus
            selector: {matchLabels: {app: prometheus}}
            template:
              metadata: {labels: {app: prometheus}}
              spec:
                initContainers:
                - {name: linkerd-proxy, image: proxy:1, restartPolicy: Always}
                containers: [{name: prometheus, image: prom:1}]
          ---
          apiVersion: apps/v1
          kind: DaemonSet
          metadata: {name: linkerd-cni, namespace: linkerd}
          spec:
            selector: {matchLabels: {app: cni}}
            template:
              metadata: {labels: {app: cni}}
              spec:
                containers: [{name: install-cni, image: cni:1}]
          """);

      V1StatefulSet sts =
          cluster.get(ResourceKind.STATEFUL_SETS, "linkerd", "prometheus").orElseThrow();
      V1DaemonSet ds =
          cluster.get(ResourceKind.DAEMON_SETS, "linkerd", "linkerd-cni").orElseThrow();
      List<V1Pod> prometheus = pods(cluster, "app=prometheus");
      List<V1Pod> cni = pods(cluster, "app=cni");

      assertThat(sts.getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(sts.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(prometheus)
          .extracting(p -> p.getMetadata().getName())
          .containsExactly("prometheus-0", "prometheus-1");
      assertThat(prometheus.get(0).getStatus().getInitContainerStatuses())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.getName()).isEqualTo("linkerd-proxy");
                assertThat(s.getReady()).isTrue();
                assertThat(s.getState().getRunning()).isNotNull();
              });
      assertThat(ds.getStatus().getNumberReady()).isEqualTo(2);
      assertThat(ds.getStatus().getDesiredNumberScheduled()).isEqualTo(2);
      assertThat(cni)
          .extracting(p -> p.getSpec().getNodeName())
          .containsExactlyInAnyOrder("node-a", "node-b");
      assertThat(cni)
          .extracting(p -> p.getMetadata().getOwnerReferences().get(0).getName())
          .containsOnly("linkerd-cni");
    }
  }

  @Test
  void should_leave_workloads_alone_unless_asked_to_simulate() {
    try (KubeApiServer server = KubeApiServer.builder().start()) {
      LiveCluster cluster = server.liveCluster();
      apply(cluster, DEPLOYMENT);

      assertThat(deployment(cluster).getStatus()).isNull();
      assertThat(pods(cluster, "linkerd.io/control-plane-component")).isEmpty();
      assertThat(Objects.requireNonNull(server.dump().object().orElseThrow().get("items")))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
          .hasSize(1);
    }
  }
}
