package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedClusterViewTest {

  static final String PODS =
      "{\"items\":["
          + "{\"metadata\":{\"name\":\"a\",\"namespace\":\"linkerd\",\"labels\":{\"app\":\"x\"}}},"
          + "{\"metadata\":{\"name\":\"b\",\"namespace\":\"linkerd\",\"labels\":{\"app\":\"y\"}}},"
          + "{\"metadata\":{\"name\":\"c\",\"namespace\":\"web\"}}]}";

  MockWebServer server;
  final List<String> journal = java.util.Collections.synchronizedList(new ArrayList<>());
  volatile CountDownLatch gate = new CountDownLatch(0);
  volatile int failuresLeft;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
            journal.add(r.getMethod() + " " + r.getTarget());
            gate.await(5, TimeUnit.SECONDS);
            if (failuresLeft > 0) {
              failuresLeft--;
              return new MockResponse.Builder()
                  .code(403)
                  .body("{\"reason\":\"Forbidden\"}")
                  .build();
            }
            String path = r.getUrl().encodedPath();
            if (path.equals("/version")) {
              return new MockResponse.Builder()
                  .code(200)
                  .body("{\"gitVersion\":\"v1.31.0\"}")
                  .build();
            }
            if (path.endsWith("/services")) {
              return new MockResponse.Builder().code(200).body("{\"items\":[]}").build();
            }
            if (path.endsWith("/pods")) {
              return new MockResponse.Builder().code(200).body(PODS).build();
            }
            if (path.endsWith("selfsubjectaccessreviews")) {
              return new MockResponse.Builder()
                  .code(201)
                  .body("{\"status\":{\"allowed\":true}}")
                  .build();
            }
            return new MockResponse.Builder().code(404).body("{\"reason\":\"NotFound\"}").build();
          }
        });
    server.start(0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  LiveCluster live() {
    return LiveCluster.builder()
        .baseUrl(server.url("/").toString())
        .retries(1, Duration.ofMillis(1))
        .build();
  }

  @Test
  void should_fetch_each_list_once_per_run() {
    LiveCluster live = live();
    CachedClusterView run = CachedClusterView.of(live);
    for (int i = 0; i < 3; i++) {
      run.list(ResourceKind.PODS, ListQuery.inAllNamespaces());
      run.serverVersion();
    }
    assertThat(journal).containsExactly("GET /api/v1/pods?limit=500", "GET /version");
    assertThat(live.stats().requests()).isEqualTo(2);
  }

  @Test
  void should_answer_narrower_questions_from_a_cached_list() {
    CachedClusterView run = CachedClusterView.of(live());
    run.list(ResourceKind.PODS, ListQuery.inAllNamespaces());
    List<V1Pod> linkerd =
        run.list(ResourceKind.PODS, ListQuery.inNamespace("linkerd").withLabelSelector("app=y"));
    assertThat(linkerd).extracting(p -> p.getMetadata().getName()).containsExactly("b");
    assertThat(run.get(ResourceKind.PODS, "web", "c")).isPresent();
    assertThat(run.get(ResourceKind.PODS, "web", "zzz")).isEmpty();
    assertThat(journal).containsExactly("GET /api/v1/pods?limit=500");
  }

  @Test
  void should_share_one_request_between_concurrent_askers() throws Exception {
    CachedClusterView run = CachedClusterView.of(live());
    gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<V1Pod>>> asks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        asks.add(pool.submit(() -> run.list(ResourceKind.PODS, ListQuery.inNamespace("linkerd"))));
      }
      while (journal.isEmpty()) {
        Thread.sleep(5);
      }
      gate.countDown();
      for (Future<List<V1Pod>> f : asks) {
        assertThat(f.get(10, TimeUnit.SECONDS)).hasSize(3);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(journal).hasSize(1);
  }

  @Test
  void should_not_cache_failures_and_forget_everything_on_clear() {
    CachedClusterView run = CachedClusterView.of(live());
    failuresLeft = 1;
    assertThatThrownBy(run::serverVersion).isInstanceOf(ClusterAccessException.class);
    assertThat(run.serverVersion().getGitVersion()).isEqualTo("v1.31.0");
    run.serverVersion();
    run.clear();
    run.serverVersion();
    assertThat(journal).containsExactly("GET /version", "GET /version", "GET /version");
  }

  @Test
  void should_cache_access_reviews_and_gets_including_absence() {
    CachedClusterView run = CachedClusterView.of(live());
    V1ResourceAttributes a =
        new V1ResourceAttributes().verb("get").namespace("linkerd").resource("secrets");
    assertThat(run.accessReview(a).getAllowed()).isTrue();
    run.accessReview(
        new V1ResourceAttributes().verb("get").namespace("linkerd").resource("secrets"));
    assertThat(run.get(ResourceKind.NAMESPACES, "linkerd")).isEmpty();
    assertThat(run.get(ResourceKind.NAMESPACES, "linkerd")).isEmpty();
    assertThat(journal)
        .containsExactly(
            "POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            "GET /api/v1/namespaces/linkerd");
  }

  @Test
  void should_prefetch_in_parallel_and_then_answer_from_the_cache() {
    CachedClusterView run = CachedClusterView.of(live());
    run.prefetch(ListQuery.inNamespace("linkerd"), ResourceKind.PODS, ResourceKind.SERVICES);
    assertThat(journal).hasSize(2);
    assertThat(run.list(ResourceKind.SERVICES, ListQuery.inNamespace("linkerd"))).isEmpty();
    assertThat(run.list(ResourceKind.PODS, ListQuery.inNamespace("linkerd"))).hasSize(3);
    assertThat(journal).hasSize(2);
  }

  @Test
  void should_report_a_prefetch_failure_after_all_reads_ended() {
    CachedClusterView run = CachedClusterView.of(live());
    assertThatThrownBy(
            () ->
                run.prefetch(
                    ListQuery.inAllNamespaces(), ResourceKind.ENDPOINTS, ResourceKind.PODS))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> assertThat(e.path().orElseThrow()).startsWith("/api/v1/endpoints"));
    run.list(ResourceKind.PODS, ListQuery.inAllNamespaces());
    assertThat(journal).hasSize(2);
  }

  @Test
  void should_work_over_a_snapshot_too() {
    SnapshotCluster snapshot =
        SnapshotCluster.builder()
            .add("apiVersion: v1\nkind: Namespace\nmetadata: {name: linkerd}\n", "ns.yaml")
            .build();
    CachedClusterView run = CachedClusterView.of(snapshot);
    assertThat(run.get(ResourceKind.NAMESPACES, "linkerd")).isPresent();
    assertThat(run.delegate()).isSameAs(snapshot);
  }
}
