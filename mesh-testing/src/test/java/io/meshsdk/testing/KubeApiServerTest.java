package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.cluster.AccessPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kit's API server, read and written with the official client (typed models, strict JSON). */
class KubeApiServerTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .seedResource("seeds/cluster.yaml")
          .serverVersion("v1.32.4")
          .accessPolicy(
              AccessPolicy.builder()
                  .deny("create", "linkerd", "apps", "deployments", "linkerd namespace is locked")
                  .allowByDefault()
                  .build())
          .build();

  @Test
  void should_answer_version_with_every_field(ApiClient client) throws ApiException {
    VersionInfo v = new VersionApi(client).getCode().execute();

    assertThat(v.getGitVersion()).isEqualTo("v1.32.4");
    assertThat(v.getMajor()).isEqualTo("1");
    assertThat(v.getMinor()).isEqualTo("32");
    assertThat(v.getGitCommit()).isNotBlank();
    assertThat(v.getPlatform()).isEqualTo("linux/amd64");
  }

  @Test
  void should_list_seeded_pods_in_namespace_then_name_order(ApiClient client) throws ApiException {
    V1PodList pods = new CoreV1Api(client).listPodForAllNamespaces().execute();

    assertThat(pods.getItems())
        .extracting(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
        .containsExactly(
            "emojivoto/emoji-5c8d7-uvwxy",
            "emojivoto/web-7b9f8-pqrst",
            "linkerd/linkerd-destination-7d9c8b-abcde",
            "linkerd/linkerd-identity-5f6b7c-fghij",
            "linkerd/linkerd-proxy-injector-6c5d4-klmno");
    assertThat(pods.getKind()).isEqualTo("PodList");
    assertThat(pods.getItems().get(0).getStatus().getPhase()).isEqualTo("Running");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app in (web,emoji)|emoji-5c8d7-uvwxy,web-7b9f8-pqrst",
        "app notin (web,emoji,destination,identity)|linkerd-proxy-injector-6c5d4-klmno",
        "linkerd.io/control-plane-ns|web-7b9f8-pqrst,linkerd-destination-7d9c8b-abcde,"
            + "linkerd-identity-5f6b7c-fghij,linkerd-proxy-injector-6c5d4-klmno",
        "!linkerd.io/control-plane-ns|emoji-5c8d7-uvwxy",
        "app=web|web-7b9f8-pqrst",
        "app!=web,linkerd.io/control-plane-ns=linkerd|linkerd-destination-7d9c8b-abcde,"
            + "linkerd-identity-5f6b7c-fghij,linkerd-proxy-injector-6c5d4-klmno",
      })
  void should_select_pods_by_labels_as_the_api_server_does(
      String selector, String expected, ApiClient client) throws ApiException {
    V1PodList pods =
        new CoreV1Api(client).listPodForAllNamespaces().labelSelector(selector).execute();

    assertThat(pods.getItems())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly(expected.split(","));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "status.phase=Pending|linkerd-proxy-injector-6c5d4-klmno",
        "spec.nodeName=node-b|web-7b9f8-pqrst,linkerd-identity-5f6b7c-fghij",
        "metadata.namespace=emojivoto,status.phase!=Pending|emoji-5c8d7-uvwxy,web-7b9f8-pqrst",
        "metadata.name=web-7b9f8-pqrst|web-7b9f8-pqrst",
      })
  void should_select_pods_by_fields(String selector, String expected, ApiClient client)
      throws ApiException {
    V1PodList pods =
        new CoreV1Api(client).listPodForAllNamespaces().fieldSelector(selector).execute();

    assertThat(pods.getItems())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly(expected.split(","));
  }

  @Test
  void should_reject_a_bad_label_selector_with_a_status(ApiClient client) {
    assertThatThrownBy(
            () ->
                new CoreV1Api(client)
                    .listPodForAllNamespaces()
                    .labelSelector("app in web")
                    .execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(400);
              assertThat(e.getResponseBody())
                  .contains("\"kind\":\"Status\"")
                  .contains("unable to parse requirement");
            });
  }

  @Test
  void should_page_with_limit_and_continue(ApiClient client) throws ApiException {
    CoreV1Api core = new CoreV1Api(client);
    V1PodList first = core.listPodForAllNamespaces().limit(2).execute();
    V1PodList second =
        core.listPodForAllNamespaces()
            .limit(2)
            ._continue(first.getMetadata().getContinue())
            .execute();
    V1PodList third =
        core.listPodForAllNamespaces()
            .limit(2)
            ._continue(second.getMetadata().getContinue())
            .execute();

    assertThat(first.getItems()).hasSize(2);
    assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(3L);
    assertThat(second.getItems()).hasSize(2);
    assertThat(third.getItems())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("linkerd-proxy-injector-6c5d4-klmno");
    assertThat(third.getMetadata().getContinue()).isNull();
    assertThat(KUBE.journal().requests("GET", "/api/v1/pods"))
        .extracting(e -> e.queryParameter("limit").orElseThrow())
        .containsExactly("2", "2", "2");
  }

  @Test
  void should_answer_404_with_a_not_found_status(ApiClient client) {
    assertThatThrownBy(
            () -> new CoreV1Api(client).readNamespacedConfigMap("missing", "linkerd").execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getResponseBody())
                  .contains("\"reason\":\"NotFound\"")
                  .contains("configmaps \\\"missing\\\" not found");
            });
  }

  @Test
  void should_create_without_api_version_and_kind_and_read_back(ApiClient client)
      throws ApiException {
    CoreV1Api core = new CoreV1Api(client);
    // client-java leaves apiVersion/kind unset unless the caller sets them; the server fills them
    core.createNamespacedConfigMap(
            "emojivoto",
            new V1ConfigMap()
                .metadata(new V1ObjectMeta().name("created-" + System.nanoTime()))
                .data(Map.of("k", "v")))
        .execute();

    List<String> names =
        core.listNamespacedConfigMap("emojivoto").execute().getItems().stream()
            .map(c -> c.getMetadata().getName())
            .collect(Collectors.toList());
    assertThat(names).anyMatch(n -> n.startsWith("created-"));
  }

  @Test
  void should_answer_a_duplicate_create_with_already_exists(ApiClient client) {
    assertThatThrownBy(
            () ->
                new CoreV1Api(client)
                    .createNamespacedConfigMap(
                        "linkerd",
                        new V1ConfigMap().metadata(new V1ObjectMeta().name("linkerd-config")))
                    .execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getResponseBody()).contains("\"reason\":\"AlreadyExists\"");
            });
  }

  @Test
  void should_dry_run_a_create_without_storing_it(ApiClient client) throws ApiException {
    CoreV1Api core = new CoreV1Api(client);
    V1ConfigMap echoed =
        core.createNamespacedConfigMap(
                "linkerd", new V1ConfigMap().metadata(new V1ObjectMeta().name("dry-run-only")))
            .dryRun("All")
            .execute();

    assertThat(echoed.getMetadata().getName()).isEqualTo("dry-run-only");
    assertThat(echoed.getMetadata().getUid()).isNotBlank();
    assertThatThrownBy(() -> core.readNamespacedConfigMap("dry-run-only", "linkerd").execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    assertThat(KUBE.journal().mutations()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}/{2} in {3}: {4}")
  @CsvSource({
    "create,apps,deployments,linkerd,false",
    "create,apps,deployments,emojivoto,true",
    "list,'',pods,'',true",
  })
  void should_decide_access_reviews_by_the_policy(
      String verb,
      String group,
      String resource,
      String namespace,
      boolean allowed,
      ApiClient client)
      throws ApiException {
    V1SelfSubjectAccessReview review =
        new AuthorizationV1Api(client)
            .createSelfSubjectAccessReview(
                new V1SelfSubjectAccessReview()
                    .spec(
                        new V1SelfSubjectAccessReviewSpec()
                            .resourceAttributes(
                                new V1ResourceAttributes()
                                    .verb(verb)
                                    .group(group)
                                    .resource(resource)
                                    .namespace(namespace))))
            .execute();

    assertThat(review.getStatus().getAllowed()).isEqualTo(allowed);
    assertThat(review.getStatus().getDenied()).isEqualTo(allowed ? null : true);
    assertThat(review.getStatus().getReason())
        .isEqualTo(allowed ? null : "linkerd namespace is locked");
  }

  @Test
  void should_switch_to_deny_all_and_allow_all(KubeApiServer server, ApiClient client)
      throws ApiException {
    V1SelfSubjectAccessReview listPods =
        new V1SelfSubjectAccessReview()
            .spec(
                new V1SelfSubjectAccessReviewSpec()
                    .resourceAttributes(new V1ResourceAttributes().verb("list").resource("pods")));
    AuthorizationV1Api authz = new AuthorizationV1Api(client);

    server.accessPolicy(AccessPolicy.denyAll());
    boolean denied =
        authz.createSelfSubjectAccessReview(listPods).execute().getStatus().getAllowed();
    server.accessPolicy(AccessPolicy.allowAll());
    boolean allowed =
        authz.createSelfSubjectAccessReview(listPods).execute().getStatus().getAllowed();

    assertThat(denied).isFalse();
    assertThat(allowed).isTrue();
    assertThat(server.journal().mutations()).as("reviews are not writes").isEmpty();
  }

  @Test
  void should_serve_custom_resources_of_seeded_crds(ApiClient client) throws ApiException {
    Object servers =
        new CustomObjectsApi(client)
            .listNamespacedCustomObject("policy.linkerd.io", "v1beta3", "linkerd", "servers")
            .execute();

    assertThat(servers.toString()).contains("linkerd-admin");
  }

  @Test
  void should_journal_requests_and_whether_a_credential_was_sent(ApiClient client)
      throws ApiException {
    new CoreV1Api(client).listNode().labelSelector("kubernetes.io/os=linux").execute();

    assertThat(KUBE.journal().entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.path()).isEqualTo("/api/v1/nodes");
              assertThat(e.queryParameter("labelSelector")).contains("kubernetes.io/os=linux");
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.credentialSent()).isFalse();
              assertThat(e.mutating()).isFalse();
            });
  }

  @Test
  void should_read_a_single_pod_with_its_server_filled_metadata(ApiClient client)
      throws ApiException {
    V1Pod pod = new CoreV1Api(client).readNamespacedPod("web-7b9f8-pqrst", "emojivoto").execute();

    assertThat(pod.getMetadata().getUid()).isNotBlank();
    assertThat(pod.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(pod.getMetadata().getCreationTimestamp()).isNotNull();
    assertThat(pod.getSpec().getNodeName()).isEqualTo("node-b");
  }
}
