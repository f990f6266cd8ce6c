package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshsdk.cluster.ApplyOptions;
import io.meshsdk.cluster.ClusterAccessException;
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
 * The kit's server-side apply follows the API server's structured merge for one and several field
 * managers: the applied configuration is a manager's whole intent, ownership is recorded in {@code
 * metadata.managedFields}, and conflicts are refused as the API server words them.
 */
class ServerSideApplyTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder().perMethod().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  private static Map<String, Object> apply(
      LiveCluster cluster, String manager, boolean force, String yaml) {
    Manifest m = ManifestReader.create().readAll(yaml, "test.yaml").get(0);
    return cluster.apply(m, ApplyOptions.newBuilder().fieldManager(manager).force(force).build());
  }

  private static Map<String, Object> apply(LiveCluster cluster, String manager, String yaml) {
    return apply(cluster, manager, false, yaml);
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> o, String... path) {
    Object cur = o;
    for (String p : path) {
      if (cur instanceof List<?> l) {
        cur = l.get(Integer.parseInt(p));
      } else {
        cur = cur == null ? null : ((Map<String, Object>) cur).get(p);
      }
    }
    return cur;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> managed(Map<String, Object> o, String manager) {
    for (Object e : (List<Object>) at(o, "metadata", "managedFields")) {
      Map<String, Object> entry = (Map<String, Object>) e;
      if (entry.get("manager").equals(manager)) {
        return entry;
      }
    }
    throw new AssertionError("no managedFields entry of " + manager + " in " + o);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> managers(Map<String, Object> o) {
    return ((List<Object>) at(o, "metadata", "managedFields"))
        .stream().map(e -> ((Map<String, Object>) e).get("manager")).toList();
  }

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: default, labels: {a: "1", b: "2"}}
      data: {x: "1", y: "2"}
      """;

  @Test
  void should_record_the_managers_fields_as_the_api_server_does(LiveCluster cluster) {
    Map<String, Object> o = apply(cluster, "mesh", CONFIG_MAP);

    assertThat(at(o, "metadata", "managedFields"))
        .isEqualTo(
            List.of(
                Map.of(
                    "manager", "mesh",
                    "operation", "Apply",
                    "apiVersion", "v1",
                    "time", "2026-05-01T10:00:00Z",
                    "fieldsType", "FieldsV1",
                    "fieldsV1",
                        Map.of(
                            "f:data", Map.of("f:x", Map.of(), "f:y", Map.of()),
                            "f:metadata",
                                Map.of("f:labels", Map.of("f:a", Map.of(), "f:b", Map.of()))))));
  }

  @Test
  void should_remove_what_the_manager_applied_before_and_now_leaves_out(LiveCluster cluster) {
    apply(cluster, "mesh", CONFIG_MAP);

    Map<String, Object> o =
        apply(
            cluster,
            "mesh",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default, labels: {a: "1"}}
            data: {x: "1"}
            """);

    assertThat(at(o, "data")).isEqualTo(Map.of("x", "1"));
    assertThat(at(o, "metadata", "labels")).isEqualTo(Map.of("a", "1"));
    assertThat(at(managed(o, "mesh"), "fieldsV1"))
        .isEqualTo(
            Map.of(
                "f:data", Map.of("f:x", Map.of()),
                "f:metadata", Map.of("f:labels", Map.of("f:a", Map.of()))));
  }

  @Test
  void should_keep_what_another_manager_owns_when_one_manager_leaves_it_out(LiveCluster cluster) {
    apply(cluster, "mesh", CONFIG_MAP);
    apply(
        cluster,
        "helm",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: default}
        data: {y: "2", z: "3"}
        """);

    Map<String, Object> o =
        apply(
            cluster,
            "mesh",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default}
            data: {x: "1"}
            """);

    assertThat(at(o, "data"))
        .as("y is shared with helm, so it stays; mesh's labels go; z is helm's alone")
        .isEqualTo(Map.of("x", "1", "y", "2", "z", "3"));
    assertThat(at(o, "metadata", "labels")).isNull();
    assertThat(managers(o)).containsExactly("mesh", "helm");
    assertThat(at(managed(o, "helm"), "fieldsV1"))
        .isEqualTo(Map.of("f:data", Map.of("f:y", Map.of(), "f:z", Map.of())));
  }

  @Test
  void should_keep_the_servers_fields_and_never_apply_status(
      KubeApiServer server, LiveCluster cluster) {
    server.seed(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec: {replicas: 1, selector: {matchLabels: {app: web}}}
        status: {replicas: 1, readyReplicas: 1}
        """);
    Map<String, Object> seeded =
        cluster
            .getObject(
                Manifest.of(
                    Map.of(
                        "apiVersion",
                        "apps/v1",
                        "kind",
                        "Deployment",
                        "metadata",
                        Map.of("name", "web", "namespace", "default"))))
            .orElseThrow();

    Map<String, Object> o =
        apply(
            cluster,
            "mesh",
            true,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default, uid: not-mine, resourceVersion: "999"}
            spec: {replicas: 2, selector: {matchLabels: {app: web}}}
            status: {replicas: 7}
            """);

    assertThat(at(o, "status")).isEqualTo(Map.of("replicas", 1L, "readyReplicas", 1L));
    assertThat(at(o, "metadata", "uid")).isEqualTo(at(seeded, "metadata", "uid"));
    assertThat(at(o, "metadata", "creationTimestamp"))
        .isEqualTo(at(seeded, "metadata", "creationTimestamp"));
    assertThat(at(o, "metadata", "resourceVersion")).isNotEqualTo("999");
    assertThat(at(o, "spec", "replicas")).isEqualTo(2L);
    assertThat(at(managed(o, "mesh"), "fieldsV1").toString()).doesNotContain("status", "uid");
  }

  @Test
  void should_merge_maps_and_replace_atomic_lists_whole(LiveCluster cluster) {
    String job =
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once, namespace: default, annotations: {first: "1"}}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: run
                image: busybox
                args: [echo, one, two]
        """;
    apply(cluster, "mesh", job);

    Map<String, Object> o =
        apply(
            cluster,
            "other",
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once, namespace: default, annotations: {second: "2"}}
            spec:
              template:
                spec:
                  containers:
                  - name: run
                    tty: true
            """);

    assertThat(at(o, "metadata", "annotations")).isEqualTo(Map.of("first", "1", "second", "2"));
    assertThat(at(o, "spec", "template", "spec", "containers", "0"))
        .isEqualTo(
            Map.of(
                "name",
                "run",
                "image",
                "busybox",
                "args",
                List.of("echo", "one", "two"),
                "tty",
                true));

    Map<String, Object> replaced =
        apply(cluster, "mesh", job.replace("args: [echo, one, two]", "args: [echo, three]"));

    assertThat(at(replaced, "spec", "template", "spec", "containers", "0", "args"))
        .isEqualTo(List.of("echo", "three"));
    assertThat(at(managed(replaced, "mesh"), "fieldsV1").toString())
        .contains("f:args={}")
        .doesNotContain("f:echo");
  }

  private static final String WORKLOAD =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: default}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: web:1
              env: [{name: A, value: "1"}]
              ports: [{containerPort: 8080, name: http}]
              volumeMounts: [{name: data, mountPath: /data}]
            volumes: [{name: data, emptyDir: {}}]
      """;

  @Test
  void should_merge_associative_lists_by_their_keys(LiveCluster cluster) {
    apply(cluster, "mesh", WORKLOAD);

    Map<String, Object> o =
        apply(
            cluster,
            "injector",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    env: [{name: B, value: "2"}]
                    ports: [{containerPort: 9090, name: admin}]
                    volumeMounts: [{name: certs, mountPath: /certs}]
                  - name: linkerd-proxy
                    image: proxy:1
                  volumes: [{name: certs, emptyDir: {medium: Memory}}]
            """);

    Object pod = at(o, "spec", "template", "spec");
    assertThat(names(at(o, "spec", "template", "spec", "containers")))
        .containsExactly("web", "linkerd-proxy");
    Map<String, Object> web = cast(at(o, "spec", "template", "spec", "containers", "0"));
    assertThat(web.get("image")).isEqualTo("web:1");
    assertThat(web.get("env"))
        .isEqualTo(List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "2")));
    assertThat(web.get("ports"))
        .isEqualTo(
            List.of(
                Map.of("containerPort", 8080L, "name", "http"),
                Map.of("containerPort", 9090L, "name", "admin")));
    assertThat(web.get("volumeMounts"))
        .isEqualTo(
            List.of(
                Map.of("name", "data", "mountPath", "/data"),
                Map.of("name", "certs", "mountPath", "/certs")));
    assertThat(names(cast(pod).get("volumes"))).containsExactly("data", "certs");
    assertThat(at(managed(o, "injector"), "fieldsV1").toString())
        .contains(
            "k:{\"name\":\"linkerd-proxy\"}={.={}",
            "k:{\"containerPort\":9090}",
            "k:{\"mountPath\":\"/certs\"}");

    Map<String, Object> withoutProxy =
        apply(
            cluster,
            "injector",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    env: [{name: B, value: "2"}]
            """);

    assertThat(names(at(withoutProxy, "spec", "template", "spec", "containers")))
        .containsExactly("web");
    assertThat(names(at(withoutProxy, "spec", "template", "spec", "volumes")))
        .containsExactly("data");
    Map<String, Object> web2 =
        cast(at(withoutProxy, "spec", "template", "spec", "containers", "0"));
    assertThat(web2.get("ports"))
        .isEqualTo(List.of(Map.of("containerPort", 8080L, "name", "http")));
    assertThat((List<?>) web2.get("env")).hasSize(2);
  }

  private static List<Object> names(Object list) {
    return ((List<?>) list).stream().map(e -> (Object) ((Map<?, ?>) e).get("name")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void should_bump_generation_for_spec_changes_and_resource_version_for_any_real_change(
      LiveCluster cluster) {
    Map<String, Object> first = apply(cluster, "mesh", WORKLOAD);
    Map<String, Object> same = apply(cluster, "mesh", WORKLOAD);
    Map<String, Object> labelled =
        apply(
            cluster,
            "mesh",
            WORKLOAD.replace("namespace: default}", "namespace: default, labels: {tier: front}}"));
    Map<String, Object> changed =
        apply(
            cluster,
            "mesh",
            WORKLOAD
                .replace("namespace: default}", "namespace: default, labels: {tier: front}}")
                .replace("image: web:1", "image: web:2"));

    assertThat(same).isEqualTo(first);
    assertThat(List.of(first, labelled, changed))
        .extracting(o -> at(o, "metadata", "generation"))
        .containsExactly(1L, 1L, 2L);
    assertThat(List.of(first, labelled, changed))
        .extracting(o -> at(o, "metadata", "resourceVersion"))
        .doesNotHaveDuplicates();
  }

  @Test
  void should_share_a_field_two_managers_apply_with_the_same_value(LiveCluster cluster) {
    apply(cluster, "mesh", CONFIG_MAP);

    Map<String, Object> o =
        apply(
            cluster,
            "kubectl",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default}
            data: {x: "1"}
            """);

    assertThat(at(managed(o, "mesh"), "fieldsV1", "f:data"))
        .isEqualTo(Map.of("f:x", Map.of(), "f:y", Map.of()));
    assertThat(at(managed(o, "kubectl"), "fieldsV1", "f:data")).isEqualTo(Map.of("f:x", Map.of()));
  }

  @Test
  void should_refuse_a_changed_field_another_manager_owns_in_the_api_servers_words(
      LiveCluster cluster) {
    apply(cluster, "kubectl", WORKLOAD.replace("selector:", "replicas: 1\n  selector:"));

    ClusterAccessException one =
        catchThrowableOfType(
            ClusterAccessException.class,
            () ->
                apply(cluster, "mesh", WORKLOAD.replace("selector:", "replicas: 3\n  selector:")));
    assertThat(one.serverMessage())
        .contains("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas");

    apply(
        cluster,
        "helm",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default, labels: {owner: helm}}
        """);
    ClusterAccessException three =
        catchThrowableOfType(
            ClusterAccessException.class,
            () ->
                apply(
                    cluster,
                    "mesh",
                    WORKLOAD
                        .replace("selector:", "replicas: 3\n  selector:")
                        .replace("image: web:1", "image: web:2")
                        .replace(
                            "namespace: default}", "namespace: default, labels: {owner: mesh}}")));
    assertThat(three.serverMessage())
        .contains(
            "Apply failed with 3 conflicts: conflicts with \"helm\": - .metadata.labels.owner"
                + " conflicts with \"kubectl\": - .spec.replicas -"
                + " .spec.template.spec.containers[name=\"web\"].image");
  }

  @Test
  void should_name_a_non_apply_manager_with_its_api_version(
      KubeApiServer server, LiveCluster cluster) {
    server.seed(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: default}
        data: {x: "seeded"}
        """);

    ClusterAccessException e =
        catchThrowableOfType(
            ClusterAccessException.class, () -> apply(cluster, "mesh", CONFIG_MAP));

    assertThat(e.serverMessage())
        .contains(
            "Apply failed with 1 conflict: conflict with \"before-first-apply\" using v1: .data.x");
  }

  @Test
  void should_respect_the_managed_fields_a_real_cluster_recorded(
      KubeApiServer server, LiveCluster cluster) {
    server.seed(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: default
          finalizers: [example.com/keep]
          managedFields:
          - manager: kubectl-client-side-apply
            operation: Update
            apiVersion: v1
            time: "2026-04-01T08:00:00Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:data: {f:x: {}}
              f:metadata: {f:finalizers: {.: {}, v:"example.com/keep": {}}}
        data: {x: "1"}
        """);

    ClusterAccessException e =
        catchThrowableOfType(
            ClusterAccessException.class,
            () -> apply(cluster, "mesh", CONFIG_MAP.replace("x: \"1\"", "x: \"changed\"")));
    Map<String, Object> o =
        apply(
            cluster,
            "mesh",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default}
            data: {y: "2"}
            """);

    assertThat(e.serverMessage())
        .contains(
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1:"
                + " .data.x");
    assertThat(at(o, "data")).isEqualTo(Map.of("x", "1", "y", "2"));
    assertThat(managed(o, "kubectl-client-side-apply"))
        .containsEntry("time", "2026-04-01T08:00:00Z")
        .containsEntry(
            "fieldsV1",
            Map.of(
                "f:data", Map.of("f:x", Map.of()),
                "f:metadata",
                    Map.of(
                        "f:finalizers",
                        Map.of(".", Map.of(), "v:\"example.com/keep\"", Map.of()))));
  }

  @Test
  void should_take_over_a_conflicting_field_with_force(LiveCluster cluster) {
    apply(cluster, "kubectl", WORKLOAD.replace("selector:", "replicas: 1\n  selector:"));

    Map<String, Object> o =
        apply(
            cluster,
            "mesh",
            true,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec: {replicas: 3}
            """);

    assertThat(at(o, "spec", "replicas")).isEqualTo(3L);
    assertThat(at(managed(o, "mesh"), "fieldsV1"))
        .isEqualTo(Map.of("f:spec", Map.of("f:replicas", Map.of())));
    assertThat(at(managed(o, "kubectl"), "fieldsV1", "f:spec").toString())
        .doesNotContain("f:replicas")
        .contains("f:template");

    Map<String, Object> dropped = apply(cluster, "kubectl", WORKLOAD);
    assertThat(at(dropped, "spec", "replicas"))
        .as("kubectl no longer owns replicas, so leaving it out removes nothing")
        .isEqualTo(3L);
  }
}
