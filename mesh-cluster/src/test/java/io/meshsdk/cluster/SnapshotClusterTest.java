package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotClusterTest {

  static Path resource(String name) {
    try {
      return Path.of(SnapshotClusterTest.class.getResource("/snapshot/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final SnapshotCluster CLUSTER =
      SnapshotCluster.builder().add(resource("dump.yaml")).add(resource("crds.yaml")).build();

  static List<String> names(List<? extends KubernetesObject> objects) {
    return objects.stream()
        .map(
            o ->
                o.getMetadata().getNamespace() == null
                    ? o.getMetadata().getName()
                    : o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .toList();
  }

  @Nested
  class Reading {
    @Test
    void should_expand_a_kubectl_list_dump_and_skip_empty_documents() {
      assertThat(CLUSTER.size()).isEqualTo(3 + 4 + 2 + 2);
      assertThat(names(CLUSTER.list(ResourceKind.NAMESPACES, ListQuery.inAllNamespaces())))
          .containsExactly("default", "linkerd", "linkerd-viz");
    }

    @Test
    void should_answer_with_the_official_client_models() {
      V1Pod pod =
          CLUSTER
              .get(ResourceKind.PODS, "linkerd", "linkerd-destination-7d9b8c6f5-abcde")
              .orElseThrow();
      assertThat(pod.getApiVersion()).isEqualTo("v1");
      assertThat(pod.getKind()).isEqualTo("Pod");
      assertThat(pod.getMetadata().getCreationTimestamp())
          .isEqualTo(OffsetDateTime.parse("2026-11-30T10:00:00Z"));
      assertThat(pod.getSpec().getContainers().get(0).getResources().getRequests())
          .containsEntry("cpu", new Quantity("100m"));
      assertThat(pod.getSpec().getContainers().get(0).getPorts().get(0).getContainerPort())
          .isEqualTo(4143);
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    }

    @Test
    void should_read_several_files_and_folders(@TempDir Path dir) throws IOException {
      Files.createDirectories(dir.resolve("b"));
      Files.writeString(
          dir.resolve("a.yaml"),
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one, namespace: x}\n");
      Files.writeString(
          dir.resolve("b/c.json"),
          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"two\",\"namespace\":\"x\"}}");
      Path single = dir.resolve("single.yml");
      Files.writeString(single, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: three}\n");
      SnapshotCluster c =
          SnapshotCluster.builder()
              .add(dir.resolve("b"))
              .add(dir.resolve("a.yaml"))
              .add(single)
              .build();
      assertThat(names(c.list(ResourceKind.CONFIG_MAPS, ListQuery.inAllNamespaces())))
          .containsExactly("default/three", "x/one", "x/two");
    }

    @Test
    void should_list_in_the_api_servers_storage_order_of_namespace_slash_name_as_bytes() {
      String yaml =
          """
          apiVersion: v1
          kind: List
          items:
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: a}}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: z, namespace: a-x}}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: a}}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: B, namespace: a}}
          """;
      SnapshotCluster c = SnapshotCluster.builder().add(yaml, "order.yaml").build();
      // etcd keys: "a-x/z" < "a/B" < "a/a" < "a/b" ('-' is 0x2D, '/' is 0x2F, 'B' < 'a')
      assertThat(names(c.list(ResourceKind.CONFIG_MAPS, ListQuery.inAllNamespaces())))
          .containsExactly("a-x/z", "a/B", "a/a", "a/b");
      assertThat(names(c.list(ResourceKind.CONFIG_MAPS, ListQuery.inNamespace("a"))))
          .containsExactly("a/B", "a/a", "a/b");
    }

    @Test
    void should_tolerate_fields_the_models_do_not_know() {
      String yaml =
          """
          apiVersion: v1
          kind: Pod
          metadata: {name: p, namespace: ns1, someFutureField: {x: 1}}
          spec:
            containers: [{name: c, image: i, allocatedResources: {cpu: "1"}}]
            futureSpecField: true
          """;
      V1Pod pod =
          SnapshotCluster.builder()
              .add(yaml, "future.yaml")
              .build()
              .get(ResourceKind.PODS, "ns1", "p")
              .orElseThrow();
      assertThat(pod.getSpec().getContainers().get(0).getName()).isEqualTo("c");
    }

    @Test
    void should_put_namespaced_objects_without_a_namespace_in_default() {
      SnapshotCluster c =
          SnapshotCluster.builder()
              .add("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\n", "s.yaml")
              .build();
      assertThat(c.get(ResourceKind.SECRETS, "default", "s")).isPresent();
    }

    @Test
    void should_return_a_fresh_copy_each_time() {
      V1Pod first = CLUSTER.get(ResourceKind.PODS, "default", "web-0").orElseThrow();
      first.getMetadata().getLabels().put("app", "changed");
      assertThat(
              CLUSTER
                  .get(ResourceKind.PODS, "default", "web-0")
                  .orElseThrow()
                  .getMetadata()
                  .getLabels())
          .containsEntry("app", "web");
    }

    @Test
    void should_reject_the_same_object_twice_naming_both_documents() {
      String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ns1}\n";
      assertThatThrownBy(
              () -> SnapshotCluster.builder().add(cm, "one.yaml").add(cm, "two.yaml").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("two.yaml")
          .hasMessageContaining("one.yaml")
          .hasMessageContaining("ConfigMap ns1/c");
    }

    @Test
    void should_reject_an_object_without_kind_naming_the_document() {
      assertThatThrownBy(
              () ->
                  SnapshotCluster.builder()
                      .add("apiVersion: v1\nmetadata: {name: x}\n", "nokind.yaml")
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nokind.yaml")
          .hasMessageContaining("without apiVersion or kind");
    }

    @Test
    void should_report_absence_as_empty() {
      assertThat(CLUSTER.get(ResourceKind.CONFIG_MAPS, "linkerd", "linkerd-config")).isEmpty();
      assertThat(CLUSTER.get(ResourceKind.NAMESPACES, "linkerd-cni")).isEmpty();
      assertThat(CLUSTER.get(ResourceKind.NAMESPACES, "linkerd"))
          .map(V1Namespace::getKind)
          .contains("Namespace");
    }

    @Test
    void should_refuse_a_namespace_for_cluster_scoped_kinds_and_none_for_namespaced_ones() {
      assertThatThrownBy(() -> CLUSTER.list(ResourceKind.NODES, ListQuery.inNamespace("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Node is cluster-scoped");
      assertThatThrownBy(() -> CLUSTER.get(ResourceKind.PODS, "web-0"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Pod is namespaced");
      assertThatThrownBy(() -> CLUSTER.get(ResourceKind.NAMESPACES, "x", "linkerd"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Selection {
    @ParameterizedTest(name = "-l ''{0}''")
    @CsvSource(
        delimiter = '|',
        value = {
          "app=web                                   | default/web-0",
          "app==web                                  | default/web-0",
          "app!=web                                  | default/job-x,linkerd/linkerd-destination-7d9b8c6f5-abcde,linkerd/linkerd-identity-5c9f8d7b6-fghij",
          "linkerd.io/control-plane-component        | linkerd/linkerd-destination-7d9b8c6f5-abcde,linkerd/linkerd-identity-5c9f8d7b6-fghij",
          "!linkerd.io/control-plane-component       | default/job-x,default/web-0",
          "app in (web, identity)                    | default/web-0,linkerd/linkerd-identity-5c9f8d7b6-fghij",
          "app notin (web,identity)                  | default/job-x,linkerd/linkerd-destination-7d9b8c6f5-abcde",
          "linkerd.io/control-plane-ns,!linkerd.io/control-plane-component | default/web-0",
          "tier notin (frontend)                     | default/job-x,linkerd/linkerd-destination-7d9b8c6f5-abcde,linkerd/linkerd-identity-5c9f8d7b6-fghij",
          "linkerd.io/control-plane-ns=linkerd,app=destination | linkerd/linkerd-destination-7d9b8c6f5-abcde",
          "app=                                      | ''",
          "app=nothing                               | ''",
        })
    void should_select_labels_as_the_api_server_does(String selector, String expected) {
      List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
      assertThat(
              names(
                  CLUSTER.list(
                      ResourceKind.PODS, ListQuery.inAllNamespaces().withLabelSelector(selector))))
          .containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "--field-selector ''{0}''")
    @CsvSource(
        delimiter = '|',
        value = {
          "metadata.name=web-0                       | default/web-0",
          "status.phase!=Running                     | default/job-x,linkerd/linkerd-identity-5c9f8d7b6-fghij",
          "status.phase=Running,spec.nodeName=node-a | default/web-0,linkerd/linkerd-destination-7d9b8c6f5-abcde",
          "spec.hostNetwork=true                     | default/web-0",
          "spec.hostNetwork==false                   | default/job-x,linkerd/linkerd-destination-7d9b8c6f5-abcde,linkerd/linkerd-identity-5c9f8d7b6-fghij",
          "spec.nodeName=                            | default/job-x",
          "metadata.namespace=linkerd,status.podIP=10.0.0.12 | linkerd/linkerd-destination-7d9b8c6f5-abcde",
        })
    void should_select_fields_as_the_api_server_does(String selector, String expected) {
      assertThat(
              names(
                  CLUSTER.list(
                      ResourceKind.PODS, ListQuery.inAllNamespaces().withFieldSelector(selector))))
          .containsExactly(expected.split(","));
    }

    @Test
    void should_combine_namespace_labels_and_fields() {
      ListQuery q =
          ListQuery.inNamespace("linkerd")
              .withLabelSelector("linkerd.io/control-plane-component")
              .withFieldSelector("status.phase=Running");
      assertThat(names(CLUSTER.list(ResourceKind.PODS, q)))
          .containsExactly("linkerd/linkerd-destination-7d9b8c6f5-abcde");
    }

    @Test
    void should_answer_an_unsupported_field_as_the_api_server_does_with_400() {
      assertThatThrownBy(
              () ->
                  CLUSTER.list(
                      ResourceKind.PODS,
                      ListQuery.inAllNamespaces().withFieldSelector("spec.containers=x")))
          .isInstanceOfSatisfying(
              ClusterAccessException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.REJECTED);
                assertThat(e.status()).hasValue(400);
                assertThat(e.reason()).contains("BadRequest");
                assertThat(e.serverMessage().orElseThrow())
                    .contains("field label not supported: spec.containers");
                assertThat(e.method()).contains("GET");
                assertThat(e.path().orElseThrow())
                    .contains("/api/v1/pods?fieldSelector=spec.containers%3Dx");
              });
    }

    @Test
    void should_select_namespaces_by_label_and_status() {
      assertThat(
              names(
                  CLUSTER.list(
                      ResourceKind.NAMESPACES,
                      ListQuery.inAllNamespaces().withLabelSelector("linkerd.io/extension"))))
          .containsExactly("linkerd-viz");
      assertThat(
              names(
                  CLUSTER.list(
                      ResourceKind.NAMESPACES,
                      ListQuery.inAllNamespaces().withFieldSelector("status.phase=Active"))))
          .hasSize(3);
    }
  }

  @Nested
  class CustomResources {
    static final GroupVersionResource SERVERS =
        GroupVersionResource.of("policy.linkerd.io", "v1beta3", "servers");

    @Test
    void should_list_custom_resources_as_generic_trees_with_json_numbers() {
      List<Map<String, Object>> servers = CLUSTER.listCustom(SERVERS, ListQuery.inAllNamespaces());
      assertThat(servers)
          .extracting(m -> (String) ((Map<?, ?>) m.get("metadata")).get("name"))
          .containsExactly("web-http", "admin");
      assertThat(((Map<?, ?>) servers.get(0).get("spec")).get("port")).isEqualTo(8080L);
      assertThat(((Map<?, ?>) servers.get(1).get("spec")).get("weight")).isEqualTo(1.5);
      assertThatThrownBy(() -> servers.get(0).put("x", "y"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_serve_every_version_the_crd_lists_and_no_other() {
      GroupVersionResource v1beta1 =
          GroupVersionResource.of("policy.linkerd.io", "v1beta1", "servers");
      assertThat(CLUSTER.getCustom(v1beta1, "default", "web-http"))
          .hasValueSatisfying(
              m -> assertThat(m.get("apiVersion")).isEqualTo("policy.linkerd.io/v1beta1"));
      GroupVersionResource v9 = GroupVersionResource.of("policy.linkerd.io", "v9", "servers");
      assertThatThrownBy(() -> CLUSTER.listCustom(v9, ListQuery.inAllNamespaces()))
          .isInstanceOfSatisfying(
              ClusterAccessException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
                assertThat(e.status()).hasValue(404);
                assertThat(e.path().orElseThrow()).contains("/apis/policy.linkerd.io/v9/servers");
              });
      assertThat(CLUSTER.getCustom(v9, "default", "web-http")).isEmpty();
    }

    @Test
    void should_answer_an_unknown_resource_with_404_but_a_known_empty_one_with_nothing() {
      GroupVersionResource unknown = GroupVersionResource.of("example.com", "v1", "widgets");
      assertThatThrownBy(() -> CLUSTER.listCustom(unknown, ListQuery.inAllNamespaces()))
          .isInstanceOf(ClusterAccessException.class)
          .hasMessageContaining("GET /apis/example.com/v1/widgets answered 404 NotFound");
      GroupVersionResource profiles =
          GroupVersionResource.of("linkerd.io", "v1alpha2", "serviceprofiles");
      assertThat(CLUSTER.listCustom(profiles, ListQuery.inNamespace("linkerd"))).isEmpty();
    }

    @Test
    void should_select_custom_resources_by_label_and_namespace() {
      assertThat(CLUSTER.listCustom(SERVERS, ListQuery.inNamespace("linkerd"))).hasSize(1);
      assertThat(
              CLUSTER.listCustom(SERVERS, ListQuery.inAllNamespaces().withLabelSelector("app=web")))
          .hasSize(1);
    }

    @Test
    void should_read_the_crds_as_models() {
      V1CustomResourceDefinition crd =
          CLUSTER
              .get(ResourceKind.CUSTOM_RESOURCE_DEFINITIONS, "servers.policy.linkerd.io")
              .orElseThrow();
      assertThat(crd.getSpec().getVersions())
          .extracting(v -> v.getName())
          .containsExactly("v1beta1", "v1beta3");
    }

    @Test
    void should_read_built_in_resources_generically_too() {
      GroupVersionResource pods = GroupVersionResource.of("", "v1", "pods");
      assertThat(CLUSTER.listCustom(pods, ListQuery.inNamespace("default"))).hasSize(2);
      assertThat(CLUSTER.getCustom(GroupVersionResource.of("", "v1", "namespaces"), "linkerd"))
          .isPresent();
    }
  }

  @Nested
  class AccessReviewsAndDryRuns {
    static V1ResourceAttributes can(String verb, String ns, String group, String resource) {
      return new V1ResourceAttributes().verb(verb).namespace(ns).group(group).resource(resource);
    }

    @Test
    void should_allow_everything_by_default() {
      assertThat(CLUSTER.accessReview(can("create", "linkerd", "apps", "deployments")).getAllowed())
          .isTrue();
    }

    @Test
    void should_deny_everything_with_deny_all_without_a_denied_flag() {
      SnapshotCluster c = SnapshotCluster.builder().accessPolicy(AccessPolicy.denyAll()).build();
      V1SubjectAccessReviewStatus s = c.accessReview(can("get", "linkerd", "", "secrets"));
      assertThat(s.getAllowed()).isFalse();
      assertThat(s.getDenied()).isNull();
    }

    @Test
    void should_decide_by_the_first_matching_rule() {
      AccessPolicy p =
          AccessPolicy.builder()
              .deny("get", "*", "", "secrets", "secrets are off limits")
              .allow("*", "linkerd", "*", "*")
              .allow("create", "", "rbac.authorization.k8s.io", "clusterroles")
              .build();
      SnapshotCluster c = SnapshotCluster.builder().accessPolicy(p).build();
      V1SubjectAccessReviewStatus secrets = c.accessReview(can("get", "linkerd", "", "secrets"));
      assertThat(secrets.getAllowed()).isFalse();
      assertThat(secrets.getDenied()).isTrue();
      assertThat(secrets.getReason()).isEqualTo("secrets are off limits");
      assertThat(c.accessReview(can("create", "linkerd", "batch", "cronjobs")).getAllowed())
          .isTrue();
      assertThat(c.accessReview(can("create", "default", "batch", "cronjobs")).getAllowed())
          .isFalse();
      assertThat(
              c.accessReview(
                      new V1ResourceAttributes()
                          .verb("create")
                          .group("rbac.authorization.k8s.io")
                          .resource("clusterroles"))
                  .getAllowed())
          .isTrue();
    }

    static Manifest object(String yaml) {
      return ManifestReader.create().readAll(yaml, "install.yaml").get(0);
    }

    @Test
    void should_accept_a_dry_run_create_of_an_absent_object_and_store_nothing() {
      Manifest ns = object("apiVersion: v1\nkind: Namespace\nmetadata: {name: linkerd-cni}\n");
      assertThat(CLUSTER.dryRunCreate(ns)).containsEntry("kind", "Namespace");
      assertThat(CLUSTER.get(ResourceKind.NAMESPACES, "linkerd-cni")).isEmpty();
      Manifest cr =
          object(
              "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                  + "metadata: {name: linkerd-linkerd-identity}\nrules: []\n");
      assertThat(CLUSTER.dryRunCreate(cr)).containsKey("rules");
    }

    @Test
    void should_refuse_a_dry_run_create_of_an_existing_object_with_409_already_exists() {
      Manifest ns = object("apiVersion: v1\nkind: Namespace\nmetadata: {name: linkerd}\n");
      assertThatThrownBy(() -> CLUSTER.dryRunCreate(ns))
          .isInstanceOfSatisfying(
              ClusterAccessException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
                assertThat(e.status()).hasValue(409);
                assertThat(e.reason()).contains("AlreadyExists");
                assertThat(e.serverMessage().orElseThrow())
                    .contains("namespaces \"linkerd\" already exists");
                assertThat(e.path().orElseThrow()).contains("/api/v1/namespaces?dryRun=All");
              });
    }

    @Test
    void should_refuse_a_dry_run_create_the_policy_denies_with_403() {
      SnapshotCluster c = SnapshotCluster.builder().accessPolicy(AccessPolicy.denyAll()).build();
      Manifest mwc =
          object(
              "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\n"
                  + "metadata: {name: linkerd-proxy-injector-webhook-config}\n");
      assertThatThrownBy(() -> c.dryRunCreate(mwc))
          .isInstanceOfSatisfying(
              ClusterAccessException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN);
                assertThat(e.serverMessage().orElseThrow())
                    .contains(
                        "mutatingwebhookconfigurations.admissionregistration.k8s.io "
                            + "\"linkerd-proxy-injector-webhook-config\" is forbidden");
                assertThat(e.getMessage()).contains("ask a cluster administrator for RBAC access");
              });
    }

    @Test
    void should_refuse_a_dry_run_create_in_a_missing_namespace_with_404() {
      Manifest cm =
          object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: nope}\n");
      assertThatThrownBy(() -> CLUSTER.dryRunCreate(cm))
          .isInstanceOfSatisfying(
              ClusterAccessException.class,
              e ->
                  assertThat(e.serverMessage().orElseThrow())
                      .contains("namespaces \"nope\" not found"));
      Manifest ok =
          object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: linkerd}\n");
      assertThat(CLUSTER.dryRunCreate(ok)).isNotEmpty();
    }

    @Test
    void should_need_api_version_kind_and_name_for_a_dry_run() {
      assertThatThrownBy(
              () -> CLUSTER.dryRunCreate(object("kind: Namespace\nmetadata: {name: x}\n")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("install.yaml")
          .hasMessageContaining("needs apiVersion, kind and metadata.name");
    }

    @ParameterizedTest
    @CsvSource({
      "Namespace,namespaces",
      "NetworkPolicy,networkpolicies",
      "Ingress,ingresses",
      "ClusterRole,clusterroles"
    })
    void should_guess_resource_names_as_kubernetes_does(String kind, String plural) {
      assertThat(SnapshotCluster.guessPlural(kind)).isEqualTo(plural);
    }
  }

  @Nested
  class Version {
    @Test
    void should_answer_the_default_version() {
      VersionInfo v = SnapshotCluster.builder().build().serverVersion();
      assertThat(v.getGitVersion()).isEqualTo(SnapshotCluster.DEFAULT_SERVER_VERSION);
      assertThat(v.getMajor()).isEqualTo("1");
      assertThat(v.getMinor()).isEqualTo("34");
    }

    @Test
    void should_answer_the_configured_version() {
      VersionInfo v =
          SnapshotCluster.builder().serverVersion("v1.30.4-eks-a737599").build().serverVersion();
      assertThat(v.getGitVersion()).isEqualTo("v1.30.4-eks-a737599");
      assertThat(v.getMinor()).isEqualTo("30");
      VersionInfo given = new VersionInfo().major("1").minor("31+").gitVersion("v1.31.0");
      assertThat(SnapshotCluster.builder().serverVersion(given).build().serverVersion().getMinor())
          .isEqualTo("31+");
    }

    @Test
    void should_reject_a_malformed_version() {
      assertThatThrownBy(() -> SnapshotCluster.builder().serverVersion("latest"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"latest\"");
    }
  }

  @Test
  void should_read_config_maps_with_their_data() {
    SnapshotCluster c =
        SnapshotCluster.builder()
            .add(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: linkerd-config, namespace: linkerd}\n"
                    + "data:\n  values: |\n    clusterNetworks: 10.0.0.0/8\n",
                "cm.yaml")
            .build();
    V1ConfigMap cm = c.get(ResourceKind.CONFIG_MAPS, "linkerd", "linkerd-config").orElseThrow();
    assertThat(cm.getData()).containsEntry("values", "clusterNetworks: 10.0.0.0/8\n");
  }
}
