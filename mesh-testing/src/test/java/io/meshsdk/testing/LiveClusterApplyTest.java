package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshsdk.cluster.ApplyOptions;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LiveCluster} as a {@link io.meshsdk.cluster.ClusterWriter}: server-side apply and reads of
 * any object, against the kit's API server over HTTP and HTTPS.
 */
class LiveClusterApplyTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: emojivoto
        labels: {app: web}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: buoyantio/emojivoto-web:v11
              ports: [{containerPort: 8080}]
      """;

  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
        versions:
        - name: v1
          served: true
          storage: true
          schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
      """;

  private static final String WIDGET =
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: gear, namespace: emojivoto}
      spec: {teeth: 12}
      """;

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("http"), Arguments.of("https"));
  }

  private static KubeApiServer start(String scheme) {
    KubeApiServer.Builder b = KubeApiServer.builder();
    if (scheme.equals("https")) {
      b.https();
    }
    return b.start();
  }

  private static Manifest manifest(String yaml) {
    return ManifestReader.create().readAll(yaml, "test.yaml").get(0);
  }

  private static Manifest withReplicas(int replicas) {
    return manifest(DEPLOYMENT.replace("replicas: 2", "replicas: " + replicas));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> o) {
    return (Map<String, Object>) o.get("metadata");
  }

  @SuppressWarnings("unchecked")
  private static Object spec(Map<String, Object> o, String field) {
    return ((Map<String, Object>) o.get("spec")).get(field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_create_an_absent_object_with_one_patch_and_return_it_as_stored(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      LiveCluster cluster = server.liveCluster();

      Map<String, Object> stored = cluster.apply(manifest(DEPLOYMENT), ApplyOptions.defaults());

      assertThat(metadata(stored))
          .containsKeys("uid", "resourceVersion", "creationTimestamp")
          .containsEntry("generation", 1L)
          .containsEntry("namespace", "emojivoto");
      assertThat(spec(stored, "replicas")).isEqualTo(2L);
      assertThat(metadata(stored).get("managedFields").toString())
          .contains("manager=mesh", "operation=Apply", "apiVersion=apps/v1", "FieldsV1");
      assertThat(server.journal().mutations())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.method()).isEqualTo("PATCH");
                assertThat(e.path())
                    .isEqualTo("/apis/apps/v1/namespaces/emojivoto/deployments/web");
                assertThat(e.queryParameter("fieldManager")).contains("mesh");
                assertThat(e.queryParameter("force")).contains("false");
                assertThat(e.queryParameter("dryRun")).isEmpty();
                assertThat(e.status()).isEqualTo(201);
              });
      assertThat(cluster.getObject(manifest(DEPLOYMENT))).contains(stored);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_merge_into_a_present_object_and_keep_what_others_wrote(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      server.seed(
          """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings, namespace: default, labels: {team: a}}
          data: {kept: "from the seed"}
          """);
      LiveCluster cluster = server.liveCluster();
      Manifest settings =
          manifest(
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}");
      Object seeded = metadata(cluster.getObject(settings).orElseThrow()).get("resourceVersion");
      server.journal().clear();

      Map<String, Object> stored =
          cluster.apply(
              manifest(
                  """
                  apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: settings, namespace: default, labels: {owner: mesh}}
                  data: {added: "by mesh"}
                  """),
              ApplyOptions.defaults());

      assertThat(stored.get("data")).isEqualTo(Map.of("kept", "from the seed", "added", "by mesh"));
      assertThat(metadata(stored).get("labels")).isEqualTo(Map.of("team", "a", "owner", "mesh"));
      assertThat(metadata(stored).get("resourceVersion")).isNotEqualTo(seeded);
      assertThat(server.journal().mutations())
          .singleElement()
          .extracting(e -> e.status())
          .isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_change_nothing_when_the_same_manifest_is_applied_again(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      LiveCluster cluster = server.liveCluster();
      Map<String, Object> first = cluster.apply(manifest(DEPLOYMENT), ApplyOptions.defaults());

      Map<String, Object> second = cluster.apply(manifest(DEPLOYMENT), ApplyOptions.defaults());

      assertThat(second).isEqualTo(first);
      assertThat(metadata(second).get("resourceVersion"))
          .isEqualTo(metadata(first).get("resourceVersion"));
      assertThat(metadata(second).get("generation")).isEqualTo(1L);
      assertThat(cluster.getObject(manifest(DEPLOYMENT))).contains(first);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_bump_generation_and_resource_version_when_the_spec_changes(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      LiveCluster cluster = server.liveCluster();
      Map<String, Object> first = cluster.apply(withReplicas(2), ApplyOptions.defaults());

      Map<String, Object> second = cluster.apply(withReplicas(3), ApplyOptions.defaults());

      assertThat(spec(second, "replicas")).isEqualTo(3L);
      assertThat(metadata(second).get("generation")).isEqualTo(2L);
      assertThat(metadata(second).get("resourceVersion"))
          .isNotEqualTo(metadata(first).get("resourceVersion"));
      assertThat(metadata(second).get("uid")).isEqualTo(metadata(first).get("uid"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_store_nothing_under_dry_run_and_return_what_would_be_stored(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      LiveCluster cluster = server.liveCluster();
      ApplyOptions dryRun = ApplyOptions.newBuilder().dryRun(true).build();

      Map<String, Object> wouldCreate = cluster.apply(manifest(DEPLOYMENT), dryRun);

      assertThat(spec(wouldCreate, "replicas")).isEqualTo(2L);
      assertThat(metadata(wouldCreate)).containsKeys("uid", "creationTimestamp", "managedFields");
      assertThat(cluster.getObject(manifest(DEPLOYMENT))).isEmpty();
      assertThat(server.journal().requests("PATCH", "/apis/apps/v1/**"))
          .singleElement()
          .satisfies(e -> assertThat(e.queryParameter("dryRun")).contains("All"));
      assertThat(server.journal().mutations()).isEmpty();

      Map<String, Object> live = cluster.apply(manifest(DEPLOYMENT), ApplyOptions.defaults());
      server.journal().clear();
      Map<String, Object> wouldChange = cluster.apply(withReplicas(5), dryRun);

      assertThat(spec(wouldChange, "replicas")).isEqualTo(5L);
      assertThat(cluster.getObject(manifest(DEPLOYMENT))).contains(live);
      assertThat(server.journal().mutations()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_find_a_custom_resource_whose_crd_was_applied_by_the_same_cluster(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      LiveCluster cluster = server.liveCluster();
      ClusterAccessException before =
          catchThrowableOfType(
              ClusterAccessException.class, () -> cluster.getObject(manifest(WIDGET)));
      assertThat(before.failure()).isEqualTo(Failure.NOT_FOUND);
      assertThat(before.getMessage()).contains("example.com/v1 Widget");

      cluster.apply(manifest(CRD), ApplyOptions.defaults());
      Map<String, Object> widget = cluster.apply(manifest(WIDGET), ApplyOptions.defaults());

      assertThat(spec(widget, "teeth")).isEqualTo(12L);
      assertThat(cluster.getObject(manifest(WIDGET))).contains(widget);
      assertThat(server.journal().count("GET", "/apis/example.com/v1"))
          .as("discovery read once before the CRD, once again after it (then cached)")
          .isEqualTo(2);
      assertThat(server.journal().requests("PATCH", "/apis/example.com/v1/**"))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.path())
                      .isEqualTo("/apis/example.com/v1/namespaces/emojivoto/widgets/gear"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "kind: ConfigMap\nmetadata: {name: a, namespace: default}|has no apiVersion",
        "apiVersion: v1\nmetadata: {name: a, namespace: default}|has no kind",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: default}|has no metadata.name",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}|is namespaced but has no metadata.namespace",
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, namespace: default}|is cluster-scoped but has metadata.namespace \"default\"",
        "---|needs an object (a mapping), not an empty document",
        "apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: ConfigMap, metadata: {name: a,"
            + " namespace: default}}]|needs one object, not a List of 1"
      })
  void should_refuse_a_manifest_that_does_not_name_an_object_before_any_request(String row) {
    String yaml = row.substring(0, row.indexOf('|'));
    String problem = row.substring(row.indexOf('|') + 1);
    try (KubeApiServer server = start("http")) {
      LiveCluster cluster = server.liveCluster();
      Manifest m = ManifestReader.create().readAll("# first\n" + yaml, "bad.yaml").get(0);

      ManifestException apply =
          catchThrowableOfType(
              ManifestException.class, () -> cluster.apply(m, ApplyOptions.defaults()));
      ManifestException get =
          catchThrowableOfType(ManifestException.class, () -> cluster.getObject(m));

      assertThat(apply.getMessage()).startsWith("bad.yaml: document 1").contains(problem);
      assertThat(apply.source()).isEqualTo("bad.yaml");
      assertThat(get.getMessage()).contains(problem);
      assertThat(server.journal().entries()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_refuse_a_custom_resource_without_namespace_before_writing(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      LiveCluster cluster = server.liveCluster();
      cluster.apply(manifest(CRD), ApplyOptions.defaults());
      server.journal().clear();

      ManifestException e =
          catchThrowableOfType(
              ManifestException.class,
              () ->
                  cluster.apply(
                      manifest(WIDGET.replace(", namespace: emojivoto", "")),
                      ApplyOptions.defaults()));

      assertThat(e.getMessage())
          .contains("Widget gear (example.com/v1) is namespaced but has no metadata.namespace");
      assertThat(server.journal().mutations()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_name_the_kind_the_server_does_not_serve(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      ClusterAccessException e =
          catchThrowableOfType(
              ClusterAccessException.class,
              () -> server.liveCluster().apply(manifest(WIDGET), ApplyOptions.defaults()));

      assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
      assertThat(e.getMessage())
          .contains("does not serve example.com/v1 Widget", "GET /apis/example.com/v1");
      assertThat(server.journal().mutations()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_fail_naming_method_and_path_and_never_the_token(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      server.inject(Fault.forbidden().on("/apis/apps/v1/namespaces/emojivoto/deployments/web"));
      LiveCluster cluster = server.liveClusterBuilder().retries(3, Duration.ofMillis(5)).build();

      ClusterAccessException e =
          catchThrowableOfType(
              ClusterAccessException.class,
              () -> cluster.apply(manifest(DEPLOYMENT), ApplyOptions.defaults()));

      assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN);
      assertThat(e.getMessage())
          .contains("PATCH /apis/apps/v1/namespaces/emojivoto/deployments/web?fieldManager=mesh")
          .doesNotContain(token(server).orElse("no token over http"));
      assertThat(e.method()).contains("PATCH");
      assertThat(server.journal().count("PATCH", "/apis/apps/v1/**")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_retry_an_apply_on_server_errors_since_it_is_idempotent(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      server.inject(Fault.serverError().on("/apis/apps/v1/namespaces/*/deployments/*").times(2));
      LiveCluster cluster = server.liveClusterBuilder().retries(4, Duration.ofMillis(5)).build();

      Map<String, Object> stored = cluster.apply(manifest(DEPLOYMENT), ApplyOptions.defaults());

      assertThat(spec(stored, "replicas")).isEqualTo(2L);
      assertThat(server.journal().requests("PATCH", "/apis/apps/v1/**"))
          .extracting(JournalEntry::status)
          .containsExactly(500, 500, 201);
      assertThat(cluster.stats().retries()).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_refuse_a_conflict_with_the_servers_list_and_take_over_with_force(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      LiveCluster cluster = server.liveCluster();
      cluster.apply(withReplicas(2), ApplyOptions.newBuilder().fieldManager("kubectl").build());

      ClusterAccessException e =
          catchThrowableOfType(
              ClusterAccessException.class,
              () -> cluster.apply(withReplicas(3), ApplyOptions.defaults()));

      assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
      assertThat(e.status()).hasValue(409);
      assertThat(e.getMessage())
          .contains(
              "Deployment emojivoto/web (apps/v1) as field manager \"mesh\"",
              "Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas",
              "force(true)");
      assertThat(e.serverMessage())
          .contains("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas");

      Map<String, Object> forced =
          cluster.apply(withReplicas(3), ApplyOptions.newBuilder().force(true).build());
      assertThat(spec(forced, "replicas")).isEqualTo(3L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void should_read_any_object_a_manifest_names_and_nothing_when_absent(String scheme) {
    try (KubeApiServer server = start(scheme)) {
      server.seed(
          """
          apiVersion: v1
          kind: Namespace
          metadata: {name: linkerd, labels: {linkerd.io/is-control-plane: "true"}}
          """);
      LiveCluster cluster = server.liveCluster();

      Optional<Map<String, Object>> ns =
          cluster.getObject(manifest("apiVersion: v1\nkind: Namespace\nmetadata: {name: linkerd}"));
      Optional<Map<String, Object>> absent =
          cluster.getObject(
              manifest("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: linkerd}"));

      assertThat(ns).get().satisfies(o -> assertThat(metadata(o)).containsKey("uid"));
      assertThat(metadata(ns.get()).get("labels"))
          .isEqualTo(Map.of("linkerd.io/is-control-plane", "true"));
      assertThat(absent).isEmpty();
      assertThat(server.journal().entries())
          .extracting(JournalEntry::path)
          .containsExactly("/api/v1/namespaces/linkerd", "/api/v1/namespaces/linkerd/configmaps/x");
      assertThat(ns.get()).isUnmodifiable();
    }
  }

  private static Optional<String> token(KubeApiServer server) {
    try {
      return java.nio.file.Files.readAllLines(server.kubeconfig()).stream()
          .filter(l -> l.strip().startsWith("token:"))
          .map(l -> l.strip().substring("token:".length()).strip())
          .findFirst();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
