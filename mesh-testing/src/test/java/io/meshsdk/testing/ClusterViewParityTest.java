package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.GroupVersionResource;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link ClusterView} read gives the same answer through {@link
 * io.meshsdk.cluster.LiveCluster} against the kit (over HTTP and over HTTPS, paging two objects at
 * a time) as through {@link SnapshotCluster} over the same objects (the kit's own dump, as {@code
 * kubectl get -A -o yaml} would give it).
 */
class ClusterViewParityTest {
  private static final VersionInfo VERSION =
      new VersionInfo()
          .major("1")
          .minor("33")
          .gitVersion("v1.33.1")
          .gitCommit("8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828")
          .gitTreeState("clean")
          .buildDate("2026-01-15T10:00:00Z")
          .goVersion("go1.24.4")
          .compiler("gc")
          .platform("linux/amd64");
  private static final AccessPolicy POLICY =
      AccessPolicy.builder()
          .deny("create", "linkerd", "apps", "deployments", "linkerd is locked")
          .allow("*", "*", "*", "*")
          .build();

  @RegisterExtension
  static final KubeApiServerExtension HTTP =
      KubeApiServerExtension.builder()
          .seedResource("seeds/cluster.yaml")
          .serverVersion(VERSION)
          .accessPolicy(POLICY)
          .build();

  @RegisterExtension
  static final KubeApiServerExtension HTTPS =
      KubeApiServerExtension.builder()
          .https()
          .seedResource("seeds/cluster.yaml")
          .serverVersion(VERSION)
          .accessPolicy(POLICY)
          .build();

  private static final GroupVersionResource SERVERS =
      GroupVersionResource.of("policy.linkerd.io", "v1beta3", "servers");

  /** A named read of a cluster view. */
  record Read(String name, Function<ClusterView, Object> body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> reads() {
    List<Read> reads = new ArrayList<>();
    reads.add(new Read("server version", ClusterView::serverVersion));
    for (ResourceKind<?> kind : ResourceKind.all()) {
      reads.add(
          new Read(
              "list " + kind.plural() + " in all namespaces",
              v -> v.list(kind, ListQuery.inAllNamespaces())));
    }
    reads.add(
        new Read(
            "list pods in linkerd",
            v -> v.list(ResourceKind.PODS, ListQuery.inNamespace("linkerd"))));
    reads.add(
        new Read(
            "list config maps in an empty namespace",
            v -> v.list(ResourceKind.CONFIG_MAPS, ListQuery.inNamespace("nothing-here"))));
    for (String selector :
        List.of(
            "app in (web,emoji)",
            "app notin (web,emoji)",
            "linkerd.io/control-plane-ns",
            "!linkerd.io/control-plane-ns",
            "app=web",
            "app==web",
            "app!=web",
            "linkerd.io/control-plane-ns=linkerd,app notin (identity)")) {
      reads.add(
          new Read(
              "pods with labels " + selector,
              v ->
                  v.list(
                      ResourceKind.PODS, ListQuery.inAllNamespaces().withLabelSelector(selector))));
    }
    for (String selector :
        List.of(
            "status.phase=Running",
            "status.phase!=Running",
            "spec.nodeName=node-a",
            "metadata.name=web-7b9f8-pqrst",
            "metadata.namespace=linkerd",
            "spec.hostNetwork=false",
            "spec.containers=x")) {
      reads.add(
          new Read(
              "pods with fields " + selector,
              v ->
                  v.list(
                      ResourceKind.PODS, ListQuery.inAllNamespaces().withFieldSelector(selector))));
    }
    reads.add(
        new Read(
            "nodes with fields spec.unschedulable=false",
            v ->
                v.list(
                    ResourceKind.NODES,
                    ListQuery.inAllNamespaces().withFieldSelector("spec.unschedulable=false"))));
    reads.add(
        new Read(
            "nodes with fields metadata.namespace=x (not a node field)",
            v ->
                v.list(
                    ResourceKind.NODES,
                    ListQuery.inAllNamespaces().withFieldSelector("metadata.namespace=x"))));
    reads.add(
        new Read(
            "secrets with fields type=kubernetes.io/tls",
            v ->
                v.list(
                    ResourceKind.SECRETS,
                    ListQuery.inAllNamespaces().withFieldSelector("type=kubernetes.io/tls"))));
    reads.add(
        new Read(
            "nodes with labels topology.kubernetes.io/zone in (zone-2)",
            v ->
                v.list(
                    ResourceKind.NODES,
                    ListQuery.inAllNamespaces()
                        .withLabelSelector("topology.kubernetes.io/zone in (zone-2)"))));
    reads.add(
        new Read(
            "pods in linkerd with labels and fields",
            v ->
                v.list(
                    ResourceKind.PODS,
                    ListQuery.inNamespace("linkerd")
                        .withLabelSelector("linkerd.io/control-plane-component")
                        .withFieldSelector("spec.nodeName=node-a"))));
    reads.add(new Read("get a pod", v -> v.get(ResourceKind.PODS, "emojivoto", "web-7b9f8-pqrst")));
    reads.add(
        new Read("get a missing pod", v -> v.get(ResourceKind.PODS, "emojivoto", "no-such-pod")));
    reads.add(new Read("get a node", v -> v.get(ResourceKind.NODES, "node-a")));
    reads.add(new Read("get a namespace", v -> v.get(ResourceKind.NAMESPACES, "linkerd")));
    reads.add(
        new Read(
            "get a config map", v -> v.get(ResourceKind.CONFIG_MAPS, "linkerd", "linkerd-config")));
    reads.add(
        new Read(
            "get a secret",
            v -> v.get(ResourceKind.SECRETS, "linkerd", "linkerd-identity-issuer")));
    reads.add(
        new Read(
            "get a CRD",
            v -> v.get(ResourceKind.CUSTOM_RESOURCE_DEFINITIONS, "servers.policy.linkerd.io")));
    reads.add(
        new Read(
            "get a webhook configuration",
            v ->
                v.get(
                    ResourceKind.MUTATING_WEBHOOK_CONFIGURATIONS,
                    "linkerd-proxy-injector-webhook-config")));
    reads.add(
        new Read(
            "list custom resources in all namespaces",
            v -> v.listCustom(SERVERS, ListQuery.inAllNamespaces())));
    reads.add(
        new Read(
            "list custom resources in linkerd with labels",
            v -> v.listCustom(SERVERS, ListQuery.inNamespace("linkerd").withLabelSelector("!x"))));
    reads.add(
        new Read("get a custom resource", v -> v.getCustom(SERVERS, "linkerd", "linkerd-admin")));
    reads.add(
        new Read("get a missing custom resource", v -> v.getCustom(SERVERS, "linkerd", "nope")));
    reads.add(
        new Read(
            "access review denied by a rule",
            v ->
                v.accessReview(
                    new V1ResourceAttributes()
                        .verb("create")
                        .group("apps")
                        .resource("deployments")
                        .namespace("linkerd"))));
    reads.add(
        new Read(
            "access review allowed",
            v ->
                v.accessReview(
                    new V1ResourceAttributes()
                        .verb("create")
                        .group("apps")
                        .resource("deployments")
                        .namespace("emojivoto"))));
    reads.add(
        new Read(
            "access review cluster-wide",
            v ->
                v.accessReview(
                    new V1ResourceAttributes().verb("list").group("").resource("pods"))));
    reads.add(
        new Read(
            "dry-run create of a new cluster role",
            v ->
                withoutServerFields(
                    v.dryRunCreate(
                        manifest(
                            "apiVersion: rbac.authorization.k8s.io/v1\n"
                                + "kind: ClusterRole\nmetadata:\n  name: linkerd-heartbeat-dry-run\nrules: []\n")))));
    reads.add(
        new Read(
            "dry-run create of an existing namespace",
            v ->
                v.dryRunCreate(
                    manifest("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: linkerd\n"))));
    return reads.stream()
        .flatMap(r -> Stream.of(Arguments.of("http", r), Arguments.of("https", r)));
  }

  private static final Map<String, ClusterView[]> VIEWS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static ClusterView[] views(String side) {
    KubeApiServer server = side.equals("http") ? HTTP.server() : HTTPS.server();
    return VIEWS.computeIfAbsent(
        side + server.baseUrl(),
        k ->
            new ClusterView[] {
              server.liveClusterBuilder().pageSize(2).build(),
              SnapshotCluster.builder()
                  .add(List.of(server.dump()))
                  .serverVersion(VERSION)
                  .accessPolicy(POLICY)
                  .build()
            });
  }

  @ParameterizedTest(name = "{1} ({0})")
  @MethodSource("reads")
  void should_answer_as_the_snapshot_of_the_same_objects(String side, Read read) {
    KubeApiServer server = side.equals("http") ? HTTP.server() : HTTPS.server();
    ClusterView live = views(side)[0];
    ClusterView snapshot = views(side)[1];

    Object fromLive = answer(live, read);
    Object fromSnapshot = answer(snapshot, read);

    assertThat(fromLive).isEqualTo(fromSnapshot);
    assertThat(server.journal().mutations()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void should_compare_real_answers_not_empty_ones() {
    ClusterView live = views("http")[0];

    assertThat(live.list(ResourceKind.PODS, ListQuery.inAllNamespaces())).hasSize(5);
    assertThat(
            live.list(
                ResourceKind.PODS,
                ListQuery.inAllNamespaces().withLabelSelector("app notin (web,emoji)")))
        .hasSize(3);
    assertThat(live.listCustom(SERVERS, ListQuery.inAllNamespaces())).hasSize(1);
    assertThat(
            live.accessReview(
                    new V1ResourceAttributes()
                        .verb("create")
                        .group("apps")
                        .resource("deployments")
                        .namespace("linkerd"))
                .getAllowed())
        .isFalse();
    assertThat(
            answer(
                live,
                new Read(
                    "conflict",
                    v ->
                        v.dryRunCreate(
                            manifest(
                                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: linkerd\n")))))
        .asString()
        .startsWith("ClusterAccessException CONFLICT");
    // two objects per page: the five pods took three requests
    assertThat(HTTP.journal().count("GET", "/api/v1/pods")).isGreaterThanOrEqualTo(3);
  }

  private static Object answer(ClusterView view, Read read) {
    try {
      return read.body().apply(view);
    } catch (ClusterAccessException e) {
      return "ClusterAccessException " + e.failure() + " " + e.status();
    }
  }

  private static Manifest manifest(String yaml) {
    return ManifestReader.create().readAll(yaml, "<test>").get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutServerFields(Map<String, Object> object) {
    Map<String, Object> copy = new LinkedHashMap<>(object);
    Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) copy.get("metadata"));
    meta.keySet().removeAll(List.of("uid", "creationTimestamp", "resourceVersion", "generation"));
    copy.put("metadata", meta);
    return copy;
  }
}
