package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.core.manifest.ManifestReader;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveClusterTest {

  MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  LiveCluster.Builder cluster() {
    return LiveCluster.builder()
        .baseUrl(server.url("/").toString())
        .retries(4, Duration.ofMillis(10))
        .requestDeadline(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(5));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static String status(int code, String reason, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
        + code
        + ",\"reason\":\""
        + reason
        + "\",\"message\":\""
        + message
        + "\"}";
  }

  static String pod(String ns, String name) {
    return "{\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + ns
        + "\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\","
        + "\"allocatedResources\":{\"cpu\":\"1\"}}],\"aFieldFromTheFuture\":{\"x\":1}},"
        + "\"status\":{\"phase\":\"Running\"}}";
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  @Test
  void should_read_the_version_even_with_unknown_and_missing_fields() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"major\":\"1\",\"minor\":\"36\",\"gitVersion\":\"v1.36.0\","
                + "\"emulationMajor\":\"1\",\"somethingNew\":{\"a\":[1,2]}}"));
    Object globalBefore = JSON.getGson();
    VersionInfo v = cluster().build().serverVersion();
    assertThat(v.getGitVersion()).isEqualTo("v1.36.0");
    assertThat(v.getGitCommit()).isNull();
    assertThat(take().getTarget()).isEqualTo("/version");
    assertThat(JSON.getGson()).as("client-java's global JSON is left alone").isSameAs(globalBefore);
  }

  @Test
  void should_page_lists_with_limit_and_continue_and_fill_in_kind() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"continue\":\"t1\"},"
                + "\"items\":["
                + pod("a", "p1")
                + ","
                + pod("a", "p2")
                + "]}"));
    server.enqueue(
        json(
            200,
            "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"continue\":\"t2\"},"
                + "\"items\":["
                + pod("b", "p3")
                + ","
                + pod("b", "p4")
                + "]}"));
    server.enqueue(
        json(
            200,
            "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"items\":["
                + pod("c", "p5")
                + "]}"));
    LiveCluster c = cluster().pageSize(2).build();
    List<V1Pod> pods = c.list(ResourceKind.PODS, ListQuery.inAllNamespaces());
    assertThat(pods)
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("p1", "p2", "p3", "p4", "p5");
    assertThat(pods.get(0).getKind()).isEqualTo("Pod");
    assertThat(pods.get(0).getApiVersion()).isEqualTo("v1");
    assertThat(take().getTarget()).isEqualTo("/api/v1/pods?limit=2");
    assertThat(take().getTarget()).isEqualTo("/api/v1/pods?limit=2&continue=t1");
    assertThat(take().getTarget()).isEqualTo("/api/v1/pods?limit=2&continue=t2");
    assertThat(c.stats().requests()).isEqualTo(3);
    assertThat(c.stats().bytesReceived()).isPositive();
  }

  @Test
  void should_send_namespace_and_selectors_as_the_api_expects() throws Exception {
    server.enqueue(json(200, "{\"items\":[]}"));
    cluster()
        .build()
        .list(
            ResourceKind.DEPLOYMENTS,
            ListQuery.inNamespace("linkerd")
                .withLabelSelector("linkerd.io/control-plane-ns,app notin (a,b)")
                .withFieldSelector("metadata.name=x"));
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/linkerd/deployments");
    assertThat(r.getUrl().queryParameter("labelSelector"))
        .isEqualTo("linkerd.io/control-plane-ns,app notin (a,b)");
    assertThat(r.getUrl().queryParameter("fieldSelector")).isEqualTo("metadata.name=x");
    assertThat(r.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void should_answer_a_missing_object_with_empty() {
    server.enqueue(
        json(404, status(404, "NotFound", "configmaps \\\"linkerd-config\\\" not found")));
    assertThat(cluster().build().get(ResourceKind.CONFIG_MAPS, "linkerd", "linkerd-config"))
        .isEmpty();
  }

  @Test
  void should_retry_gets_on_5xx_and_count_the_retries() throws Exception {
    server.enqueue(json(503, status(503, "ServiceUnavailable", "etcd is busy")));
    server.enqueue(json(500, status(500, "InternalError", "oops")));
    server.enqueue(json(200, "{\"metadata\":{\"name\":\"linkerd\"}}"));
    LiveCluster c = cluster().build();
    assertThat(c.get(ResourceKind.NAMESPACES, "linkerd")).isPresent();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(c.stats().retries()).isEqualTo(2);
    assertThat(c.stats().failures()).isEqualTo(2);
  }

  @Test
  void should_retry_after_a_dropped_connection() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"items\":[]}"));
    assertThat(cluster().build().list(ResourceKind.NODES, ListQuery.inAllNamespaces())).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void should_honour_retry_after_on_429() throws Exception {
    server.enqueue(
        json(429, status(429, "TooManyRequests", "slow down"))
            .newBuilder()
            .addHeader("Retry-After", "1")
            .build());
    server.enqueue(json(200, "{\"items\":[]}"));
    LiveCluster c = cluster().build();
    assertThat(c.list(ResourceKind.NODES, ListQuery.inAllNamespaces())).isEmpty();
    assertThat(c.stats().retries()).isEqualTo(1);
  }

  @Test
  void should_give_up_at_once_when_retry_after_passes_the_deadline() {
    server.enqueue(
        json(429, status(429, "TooManyRequests", "slow down"))
            .newBuilder()
            .addHeader("Retry-After", "120")
            .build());
    LiveCluster c = cluster().requestDeadline(Duration.ofSeconds(3)).build();
    assertThatThrownBy(() -> c.list(ResourceKind.NODES, ListQuery.inAllNamespaces()))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.TOO_MANY_REQUESTS);
              assertThat(e.status()).hasValue(429);
              assertThat(e.getMessage())
                  .contains("did not succeed within the deadline of 3s")
                  .contains("slow down");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void should_stop_retrying_after_the_last_attempt() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(500, status(500, "InternalError", "broken")));
    }
    LiveCluster c = cluster().build();
    assertThatThrownBy(() -> c.serverVersion())
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.SERVER_ERROR);
              assertThat(e.getMessage())
                  .contains("GET /version answered 500 InternalError: broken");
              assertThat(e.method()).contains("GET");
              assertThat(e.path()).contains("/version");
            });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void should_never_retry_a_post() {
    server.enqueue(json(503, status(503, "ServiceUnavailable", "busy")));
    LiveCluster c = cluster().build();
    assertThatThrownBy(
            () -> c.accessReview(new V1ResourceAttributes().verb("get").resource("pods")))
        .isInstanceOf(ClusterAccessException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void should_explain_401_and_403() {
    server.enqueue(json(401, status(401, "Unauthorized", "Unauthorized")));
    assertThatThrownBy(() -> cluster().build().serverVersion())
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.UNAUTHORIZED);
              assertThat(e.getMessage())
                  .contains("did not accept the credentials")
                  .contains("renew the token or client certificate")
                  .doesNotContain("\n");
            });
    server.enqueue(
        json(
            403,
            status(
                403,
                "Forbidden",
                "secrets is forbidden: User \\\"jane\\\" cannot list resource \\\"secrets\\\"")));
    assertThatThrownBy(
            () -> cluster().build().list(ResourceKind.SECRETS, ListQuery.inAllNamespaces()))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN);
              assertThat(e.reason()).contains("Forbidden");
              assertThat(e.serverMessage().orElseThrow()).startsWith("secrets is forbidden");
              assertThat(e.getMessage())
                  .contains("GET /api/v1/secrets?limit=500 answered 403 Forbidden")
                  .contains("ask a cluster administrator for RBAC access");
            });
  }

  @Test
  void should_explain_a_refused_connection() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LiveCluster c = LiveCluster.builder().baseUrl("http://127.0.0.1:" + port).build();
    assertThatThrownBy(c::serverVersion)
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.CONNECTION);
              assertThat(e.getMessage())
                  .contains("cannot connect to the API server http://127.0.0.1:" + port)
                  .contains("is the cluster running");
            });
  }

  @Test
  void should_time_out_a_stalled_answer() {
    server.enqueue(json(200, "{}").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    LiveCluster c = cluster().readTimeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(c::serverVersion)
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
              assertThat(e.getMessage()).contains("did not answer GET /version in time");
            });
  }

  @Test
  void should_bound_everything_by_the_deadline() {
    server.enqueue(json(200, "{}").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    LiveCluster c = cluster().requestDeadline(Duration.ofMillis(500)).build();
    assertThatThrownBy(c::serverVersion)
        .isInstanceOfSatisfying(
            ClusterAccessException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
  }

  @Test
  void should_report_a_malformed_or_truncated_answer() {
    server.enqueue(json(200, "<html>proxy login</html>"));
    assertThatThrownBy(() -> cluster().build().serverVersion())
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).contains("could not be read");
            });
    server.enqueue(json(200, "{\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"meta"));
    assertThatThrownBy(() -> cluster().build().list(ResourceKind.PODS, ListQuery.inAllNamespaces()))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE));
    server.enqueue(
        json(200, "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"containers\":\"not a list\"}}"));
    assertThatThrownBy(() -> cluster().build().get(ResourceKind.PODS, "a", "a"))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).contains("does not fit the V1Pod model (object a)");
            });
  }

  @Test
  void should_post_a_self_subject_access_review_and_read_the_decision() throws Exception {
    server.enqueue(
        json(
            201,
            "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                + "\"spec\":{},\"status\":{\"allowed\":false,\"denied\":true,\"reason\":\"no RBAC\"}}"));
    V1SubjectAccessReviewStatus s =
        cluster()
            .build()
            .accessReview(
                new V1ResourceAttributes()
                    .verb("create")
                    .namespace("linkerd")
                    .group("batch")
                    .version("v1beta1")
                    .resource("cronjobs"));
    assertThat(s.getAllowed()).isFalse();
    assertThat(s.getReason()).isEqualTo("no RBAC");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
    JsonObject body = JsonParser.parseString(r.getBody().utf8()).getAsJsonObject();
    assertThat(body.get("kind").getAsString()).isEqualTo("SelfSubjectAccessReview");
    JsonObject attrs = body.getAsJsonObject("spec").getAsJsonObject("resourceAttributes");
    assertThat(attrs.get("verb").getAsString()).isEqualTo("create");
    assertThat(attrs.get("group").getAsString()).isEqualTo("batch");
    assertThat(attrs.get("resource").getAsString()).isEqualTo("cronjobs");
  }

  @Test
  void should_dry_run_creates_with_dry_run_all() throws Exception {
    server.enqueue(
        json(
            201,
            "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\","
                + "\"metadata\":{\"name\":\"linkerd-policy\",\"uid\":\"u\"}}"));
    server.enqueue(
        json(409, status(409, "AlreadyExists", "namespaces \\\"linkerd\\\" already exists")));
    LiveCluster c = cluster().build();
    Map<String, Object> created =
        c.dryRunCreate(
            ManifestReader.create()
                .readAll(
                    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: linkerd-policy}\n",
                    "cr.yaml")
                .get(0));
    assertThat(created).containsEntry("kind", "ClusterRole");
    RecordedRequest r = take();
    assertThat(r.getTarget())
        .isEqualTo("/apis/rbac.authorization.k8s.io/v1/clusterroles?dryRun=All");
    assertThat(r.getBody().utf8()).contains("\"name\":\"linkerd-policy\"");
    assertThatThrownBy(
            () ->
                c.dryRunCreate(
                    ManifestReader.create()
                        .readAll(
                            "apiVersion: v1\nkind: Namespace\nmetadata: {name: linkerd}\n",
                            "ns.yaml")
                        .get(0)))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
              assertThat(e.reason()).contains("AlreadyExists");
              assertThat(e.path()).contains("/api/v1/namespaces?dryRun=All");
            });
  }

  @Test
  void should_impersonate_user_and_groups() throws Exception {
    server.enqueue(json(200, "{\"gitVersion\":\"v1.31.0\"}"));
    cluster()
        .impersonate("jane")
        .impersonateGroup("dev")
        .impersonateGroup("ops")
        .build()
        .serverVersion();
    RecordedRequest r = take();
    assertThat(r.getHeaders().get("Impersonate-User")).isEqualTo("jane");
    assertThat(r.getHeaders().values("Impersonate-Group")).containsExactly("dev", "ops");
  }

  @Test
  void should_send_a_bearer_token_without_showing_it_in_failures() throws Exception {
    server.enqueue(json(403, status(403, "Forbidden", "nope")));
    LiveCluster c = cluster().bearerToken("s3cr3t-token").build();
    assertThatThrownBy(c::serverVersion)
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e ->
                assertThat(e.getMessage() + e.serverMessage() + e.path()).doesNotContain("s3cr3t"));
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-token");
  }

  @Test
  void should_treat_a_namespace_query_on_a_cluster_scoped_custom_resource_as_nothing() {
    server.enqueue(
        json(404, status(404, "NotFound", "the server could not find the requested resource")));
    server.enqueue(json(200, "{\"items\":[]}"));
    GroupVersionResource r = GroupVersionResource.of("example.com", "v1", "clusterthings");
    assertThat(cluster().build().listCustom(r, ListQuery.inNamespace("x"))).isEmpty();
  }

  @Test
  void should_read_custom_resources_as_generic_trees() {
    server.enqueue(
        json(
            200,
            "{\"items\":[{\"apiVersion\":\"policy.linkerd.io/v1beta3\",\"kind\":\"Server\","
                + "\"metadata\":{\"name\":\"s\",\"namespace\":\"n\"},\"spec\":{\"port\":8080,\"ratio\":0.5}}]}"));
    List<Map<String, Object>> items =
        cluster()
            .build()
            .listCustom(
                GroupVersionResource.of("policy.linkerd.io", "v1beta3", "servers"),
                ListQuery.inAllNamespaces());
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) items.get(0).get("spec");
    assertThat(spec).containsEntry("port", 8080L).containsEntry("ratio", 0.5);
  }

  @Test
  void should_list_again_from_the_start_when_the_continue_token_expired() throws Exception {
    server.enqueue(
        json(200, "{\"metadata\":{\"continue\":\"old\"},\"items\":[" + pod("a", "p1") + "]}"));
    server.enqueue(json(410, status(410, "Expired", "The provided continue parameter is too old")));
    server.enqueue(
        json(200, "{\"metadata\":{},\"items\":[" + pod("a", "p1") + "," + pod("a", "p2") + "]}"));
    List<V1Pod> pods =
        cluster().pageSize(1).build().list(ResourceKind.PODS, ListQuery.inNamespace("a"));
    assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("p1", "p2");
    take();
    assertThat(take().getTarget()).contains("continue=old");
    assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/a/pods?limit=1");
  }

  @Test
  void should_not_repeat_credentials_that_an_answer_echoes() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .body("bad gateway\nrequest had Authorization: Bearer s3cr3t-token\n")
            .build());
    LiveCluster c = cluster().bearerToken("s3cr3t-token").retries(1, Duration.ofMillis(1)).build();
    assertThatThrownBy(c::serverVersion)
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.getMessage()).contains("Bearer <redacted>").doesNotContain("s3cr3t");
              assertThat(e.serverMessage().orElseThrow()).doesNotContain("s3cr3t");
            });
  }

  @Test
  void should_resolve_the_default_kubeconfig_from_the_given_environment(@TempDir Path tmp)
      throws Exception {
    Path one = tmp.resolve("one.yaml");
    Path two = tmp.resolve("two.yaml");
    Files.writeString(
        one,
        "apiVersion: v1\nkind: Config\ncurrent-context: other\n"
            + "users: [{name: u, user: {token: from-one}}]\n");
    Files.writeString(
        two,
        "apiVersion: v1\nkind: Config\ncurrent-context: ignored\n"
            + "clusters: [{name: c, cluster: {server: '"
            + server.url("/")
            + "'}}]\n"
            + "contexts: [{name: mine, context: {cluster: c, user: u, namespace: linkerd}}]\n");
    server.enqueue(json(200, "{\"gitVersion\":\"v1.31.0\"}"));
    LiveCluster c =
        LiveCluster.builder()
            .environment(Map.of("KUBECONFIG", one + File.pathSeparator + two))
            .context("mine")
            .build();
    assertThat(c.namespace()).isEqualTo("linkerd");
    assertThat(c.context()).contains("mine");
    c.serverVersion();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer from-one");
    assertThatThrownBy(
            () ->
                LiveCluster.builder()
                    .environment(Map.of("KUBECONFIG", one + File.pathSeparator + two))
                    .build())
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("context \"other\" does not exist")
                    .contains("known: mine"));
  }

  @Test
  void should_use_a_callers_api_client_as_it_is() throws Exception {
    io.kubernetes.client.openapi.ApiClient client =
        new io.kubernetes.client.util.ClientBuilder()
            .setBasePath(server.url("/").toString().replaceAll("/$", ""))
            .setAuthentication(
                new io.kubernetes.client.util.credentials.AccessTokenAuthentication("callers"))
            .build();
    server.enqueue(json(200, "{\"items\":[]}"));
    LiveCluster c = LiveCluster.builder().apiClient(client).build();
    assertThat(c.list(ResourceKind.CRON_JOBS, ListQuery.inNamespace("x"))).isEmpty();
    RecordedRequest r = take();
    assertThat(r.getTarget()).isEqualTo("/apis/batch/v1/namespaces/x/cronjobs?limit=500");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer callers");
    assertThat(c.server()).isEqualTo(client.getBasePath());
  }
}
