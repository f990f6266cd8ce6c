package io.meshsdk.benchmarks;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.checks.Check;
import io.meshsdk.checks.HealthChecker;
import io.meshsdk.checks.HealthyCluster;
import io.meshsdk.checks.Preset;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.GroupVersionResource;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.testing.Fault;
import io.meshsdk.testing.KubeApiServer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How many API requests and sequential round trips {@code mesh check --proxy} (core + proxy checks)
 * needs on a large healthy cluster, against the test API server with added latency: {@code java -cp
 * benchmarks/target/benchmarks.jar io.meshsdk.benchmarks.CheckRequestsBenchmark [nodes pods
 * latencyMs]} (default 100 nodes, 1,000 injected pods, 20 ms). Also runs a baseline written the way
 * Linkerd's checks read: each check on its own, one after another, with no read shared between
 * checks.
 *
 * <p>Requests are counted by the server's journal. Round trips on the critical path are the longest
 * chain of cluster calls in which each starts after the previous one ended.
 */
public final class CheckRequestsBenchmark {
  private CheckRequestsBenchmark() {}

  /**
   * Entry point.
   *
   * @param args optional node count, pod count and latency in milliseconds
   */
  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int pods = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int latency = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    try (KubeApiServer server =
        KubeApiServer.builder().seed(HealthyCluster.yaml(nodes, pods, false)).start()) {
      server.inject(Fault.latency(Duration.ofMillis(latency)).on("/**"));
      LiveCluster live = LiveCluster.builder().kubeconfig(server.kubeconfig()).build();
      HealthChecker checker = checker(Preset.PROXY).build();

      checker.run(live); // warm-up: class loading, connections
      server.journal().clear();
      Timed timed = new Timed(live);
      long start = System.nanoTime();
      CheckReport report = checker.run(timed);
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "mesh check --proxy: %d nodes, %d pods, %d ms latency%n", nodes, pods, latency);
      System.out.printf(
          "  shared reads: %d requests, %d round trips on the critical path, %d ms,"
              + " success=%s, %d results%n",
          server.journal().size(),
          timed.criticalPath(),
          ms,
          report.success(),
          report.results().size());

      server.journal().clear();
      int roundTrips = 0;
      start = System.nanoTime();
      for (Check c : checker.checks()) {
        Timed one = new Timed(live);
        checker(Preset.PROXY)
            .categories(c.category())
            .onlyChecks(List.of(c.description()))
            .parallelism(1)
            .build()
            .run(one);
        roundTrips += one.criticalPath();
      }
      ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "  baseline (each check alone, sequentially): %d requests, %d round" + " trips, %d ms%n",
          server.journal().size(), roundTrips, ms);
    }
  }

  private static HealthChecker.Builder checker(Preset preset) {
    return HealthChecker.builder()
        .preset(preset)
        .retryDeadline(Duration.ZERO)
        .clock(Clock.fixed(HealthyCluster.NOW, ZoneOffset.UTC));
  }

  /** Records when each cluster call starts and ends. */
  private static final class Timed implements ClusterView {
    private final ClusterView delegate;
    private final List<long[]> calls = new ArrayList<>();

    Timed(ClusterView delegate) {
      this.delegate = delegate;
    }

    private <T> T time(Supplier<T> call) {
      long start = System.nanoTime();
      try {
        return call.get();
      } finally {
        long end = System.nanoTime();
        synchronized (calls) {
          calls.add(new long[] {start, end});
        }
      }
    }

    /** The longest chain of calls each starting after the previous one ended. */
    int criticalPath() {
      List<long[]> sorted;
      synchronized (calls) {
        sorted = new ArrayList<>(calls);
      }
      sorted.sort((a, b) -> Long.compare(a[0], b[0]));
      int[] depth = new int[sorted.size()];
      int best = 0;
      for (int i = 0; i < sorted.size(); i++) {
        depth[i] = 1;
        for (int j = 0; j < i; j++) {
          if (sorted.get(j)[1] <= sorted.get(i)[0]) {
            depth[i] = Math.max(depth[i], depth[j] + 1);
          }
        }
        best = Math.max(best, depth[i]);
      }
      return best;
    }

    @Override
    public VersionInfo serverVersion() {
      return time(delegate::serverVersion);
    }

    @Override
    public <T extends KubernetesObject> List<T> list(ResourceKind<T> kind, ListQuery query) {
      return time(() -> delegate.list(kind, query));
    }

    @Override
    public <T extends KubernetesObject> Optional<T> get(
        ResourceKind<T> kind, String namespace, String name) {
      return time(() -> delegate.get(kind, namespace, name));
    }

    @Override
    public <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String name) {
      return time(() -> delegate.get(kind, name));
    }

    @Override
    public List<Map<String, Object>> listCustom(GroupVersionResource resource, ListQuery query) {
      return time(() -> delegate.listCustom(resource, query));
    }

    @Override
    public Optional<Map<String, Object>> getCustom(
        GroupVersionResource resource, String namespace, String name) {
      return time(() -> delegate.getCustom(resource, namespace, name));
    }

    @Override
    public Optional<Map<String, Object>> getCustom(GroupVersionResource resource, String name) {
      return time(() -> delegate.getCustom(resource, name));
    }

    @Override
    public V1SubjectAccessReviewStatus accessReview(V1ResourceAttributes attributes) {
      return time(() -> delegate.accessReview(attributes));
    }

    @Override
    public Map<String, Object> dryRunCreate(Manifest object) {
      return time(() -> delegate.dryRunCreate(object));
    }
  }
}
