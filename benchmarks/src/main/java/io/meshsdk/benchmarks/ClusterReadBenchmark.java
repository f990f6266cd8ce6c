package io.meshsdk.benchmarks;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.meshsdk.cluster.CachedClusterView;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.testing.Fault;
import io.meshsdk.testing.KubeApiServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cluster reads of a check run: 1,000 pods and 100 nodes on the mesh-testing API server with 20 ms
 * added to every request, read by eight "checks" (each needs pods, nodes or both, as Linkerd's do).
 *
 * <ul>
 *   <li><b>SDK</b>: one {@link LiveCluster} (page size 500) behind a run-scoped {@link
 *       CachedClusterView}: every list is fetched once and shared by the checks.
 *   <li><b>naive</b>: client-java's generated {@code CoreV1Api}, each check fetching what it needs
 *       (paged with {@code limit=500} as well).
 * </ul>
 *
 * <p>Prints requests and wall time per run (best and median of the measured runs) and the heap held
 * by 1,000 pods as {@code V1Pod} objects. Run:
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.meshsdk.benchmarks.ClusterReadBenchmark [runs]
 * </pre>
 */
public final class ClusterReadBenchmark {
  private static final int PODS = 1000;
  private static final int NODES = 100;
  private static final int NAMESPACES = 20;
  private static final Duration LATENCY = Duration.ofMillis(20);

  /** Which lists each check reads. */
  private enum Needs {
    PODS,
    NODES,
    BOTH
  }

  private static final List<Needs> CHECKS =
      List.of(
          Needs.PODS, // control plane pods are running
          Needs.PODS, // data plane proxies are ready
          Needs.PODS, // data plane proxies run the control plane's version
          Needs.NODES, // nodes are ready
          Needs.NODES, // kubelet versions are supported
          Needs.BOTH, // pods are scheduled on known nodes
          Needs.PODS, // injected namespaces have proxies
          Needs.NODES); // node pod CIDRs are set

  private ClusterReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    try (KubeApiServer server = KubeApiServer.builder().seed(seed()).start()) {
      server.inject(Fault.latency(LATENCY));
      System.out.printf(
          "seeded %d pods, %d nodes; %d ms added to every request; %d checks%n",
          PODS, NODES, LATENCY.toMillis(), CHECKS.size());

      report(
          "SDK (LiveCluster, page 500, run-scoped cache)",
          server,
          runs,
          () -> {
            ClusterView run =
                CachedClusterView.of(server.liveClusterBuilder().pageSize(500).build());
            long seen = 0;
            for (Needs n : CHECKS) {
              seen += readSdk(run, n);
            }
            return seen;
          });
      ApiClient client = server.apiClient();
      report(
          "naive client-java loop (fetch per check, limit 500)",
          server,
          runs,
          () -> {
            long seen = 0;
            for (Needs n : CHECKS) {
              seen += readNaive(client, n);
            }
            return seen;
          });
      server.clearFaults();
      memory(server);
    }
  }

  private static long readSdk(ClusterView view, Needs n) {
    long seen = 0;
    if (n != Needs.NODES) {
      seen += view.list(ResourceKind.PODS, ListQuery.inAllNamespaces()).size();
    }
    if (n != Needs.PODS) {
      seen += view.list(ResourceKind.NODES, ListQuery.inAllNamespaces()).size();
    }
    return seen;
  }

  private static long readNaive(ApiClient client, Needs n) {
    try {
      CoreV1Api core = new CoreV1Api(client);
      long seen = 0;
      if (n != Needs.NODES) {
        String next = null;
        do {
          V1PodList page = core.listPodForAllNamespaces().limit(500)._continue(next).execute();
          seen += page.getItems().size();
          next = page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
      }
      if (n != Needs.PODS) {
        String next = null;
        do {
          V1NodeList page = core.listNode().limit(500)._continue(next).execute();
          seen += page.getItems().size();
          next = page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
      }
      return seen;
    } catch (io.kubernetes.client.openapi.ApiException e) {
      throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
    }
  }

  private static void report(String name, KubeApiServer server, int runs, Supplier<Long> run) {
    run.get(); // warm-up
    long[] millis = new long[runs];
    int requests = 0;
    long seen = 0;
    for (int i = 0; i < runs; i++) {
      server.journal().clear();
      long t0 = System.nanoTime();
      seen = run.get();
      millis[i] = (System.nanoTime() - t0) / 1_000_000;
      requests = server.journal().size();
    }
    Arrays.sort(millis);
    System.out.printf(
        "%-52s %3d requests/run, wall best %5d ms, median %5d ms (%d objects read"
            + " by the checks)%n",
        name, requests, millis[0], millis[runs / 2], seen);
  }

  private static void memory(KubeApiServer server) {
    LiveCluster live = server.liveClusterBuilder().pageSize(500).build();
    live.list(ResourceKind.PODS, ListQuery.inAllNamespaces()); // load the classes
    long before = usedAfterGc();
    List<V1Pod> pods = live.list(ResourceKind.PODS, ListQuery.inAllNamespaces());
    long after = usedAfterGc();
    long bytesIn = live.stats().bytesReceived();
    System.out.printf(
        "memory: %d pods as V1Pod hold %.1f MB of heap (%.1f KB each); "
            + "one list of them is %.1f MB of JSON%n",
        pods.size(),
        (after - before) / 1e6,
        (after - before) / 1e3 / pods.size(),
        bytesIn / 1e6 / 2);
    if (pods.isEmpty()) {
      throw new AssertionError("no pods");
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** 1,000 pods (two containers each, one a Linkerd proxy) in 20 namespaces, 100 nodes. */
  static String seed() {
    StringBuilder y = new StringBuilder(4 << 20);
    for (int n = 0; n < NODES; n++) {
      y.append("---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-")
          .append(n)
          .append(
              "\n  labels:\n    kubernetes.io/os: linux\n    topology.kubernetes.io/zone: "
                  + "zone-")
          .append(n % 3)
          .append("\nspec:\n  podCIDR: 10.")
          .append(n / 250)
          .append('.')
          .append(n % 250)
          .append(
              ".0/24\nstatus:\n  conditions:\n  - type: Ready\n"
                  + "    status: \"True\"\n  nodeInfo:\n    kubeletVersion: v1.33.1\n"
                  + "    containerRuntimeVersion: containerd://1.7.27\n    architecture: amd64\n"
                  + "    operatingSystem: linux\n    osImage: Ubuntu 24.04\n"
                  + "    kernelVersion: 6.8.0\n    kubeProxyVersion: v1.33.1\n    machineID: m\n"
                  + "    systemUUID: u\n    bootID: b\n");
    }
    for (int p = 0; p < PODS; p++) {
      String ns = "app-" + (p % NAMESPACES);
      y.append("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-")
          .append(p)
          .append("-7b9f8c\n  namespace: ")
          .append(ns)
          .append("\n  labels:\n    app: web-")
          .append(p % 50)
          .append(
              "\n    linkerd.io/control-plane-ns: linkerd\n"
                  + "    linkerd.io/proxy-deployment: web\n  annotations:\n"
                  + "    linkerd.io/created-by: linkerd/proxy-injector edge-26.8.3\n"
                  + "    linkerd.io/proxy-version: edge-26.8.3\n"
                  + "    linkerd.io/trust-root-sha256: 3f2a9c0e6b1d4a7f8e5c2b9d0a1f3e6c\n"
                  + "spec:\n  nodeName: node-")
          .append(p % NODES)
          .append(
              "\n  serviceAccountName: "
                  + "web\n  containers:\n  - name: linkerd-proxy\n"
                  + "    image: cr.l5d.io/linkerd/proxy:edge-26.8.3\n    ports:\n"
                  + "    - name: linkerd-proxy\n      containerPort: 4143\n"
                  + "    - name: linkerd-admin\n      containerPort: 4191\n    env:\n"
                  + "    - name: LINKERD2_PROXY_LOG\n      value: warn,linkerd=info\n"
                  + "    - name: LINKERD2_PROXY_DESTINATION_SVC_ADDR\n"
                  + "      value: linkerd-dst-headless.linkerd.svc.cluster.local.:8086\n"
                  + "    - name: LINKERD2_PROXY_IDENTITY_DIR\n      value: /var/run/linkerd/identity/end-entity\n"
                  + "    resources:\n      requests:\n        cpu: 100m\n        memory: 20Mi\n"
                  + "  - name: web\n    image: docker.l5d.io/buoyantio/emojivoto-web:v11\n"
                  + "    ports:\n    - containerPort: 8080\nstatus:\n  phase: Running\n  podIP: 10.")
          .append(p / 250)
          .append('.')
          .append(p % 250)
          .append(
              ".9\n  conditions:\n"
                  + "  - type: Ready\n    status: \"True\"\n  containerStatuses:\n"
                  + "  - name: linkerd-proxy\n    ready: true\n    restartCount: 0\n"
                  + "    image: cr.l5d.io/linkerd/proxy:edge-26.8.3\n    imageID: sha256:abc\n"
                  + "  - name: web\n    ready: true\n    restartCount: 0\n"
                  + "    image: docker.l5d.io/buoyantio/emojivoto-web:v11\n    imageID: sha256:def\n");
    }
    return y.toString();
  }
}
