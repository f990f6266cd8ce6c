package io.meshsdk.cluster;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.cluster.internal.Selectors;
import io.meshsdk.core.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A run-scoped cache over any {@link ClusterView}: within one run of checks every answer is fetched
 * once and shared, also between threads (concurrent askers of the same question wait for one
 * request).
 *
 * <p>What is cached: the server version, lists (by kind and query), gets, custom resources and
 * access reviews. A get or a namespace's list is answered from a cached unfiltered list of the kind
 * that covers it, so listing pods in all namespaces first makes later pod questions free. Dry-run
 * creates are never cached. Failures are not cached: the next ask tries again.
 *
 * <p>Answers are shared, not copied: treat the returned models as read-only. Create one cache per
 * run, or {@link #clear()} it before re-reading (e.g. before retrying a check that waits for the
 * cluster to change).
 *
 * <pre>{@code
 * CachedClusterView run = CachedClusterView.of(LiveCluster.builder().build());
 * run.prefetch(ListQuery.inNamespace("linkerd"), ResourceKind.PODS, ResourceKind.SERVICE_ACCOUNTS);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CachedClusterView implements ClusterView {

  private static final ListQuery ALL = ListQuery.inAllNamespaces();

  private final ClusterView delegate;
  private final ConcurrentHashMap<Object, CompletableFuture<Object>> cache =
      new ConcurrentHashMap<>();

  private record ListKey(ResourceKind<?> kind, ListQuery query) {}

  private record GetKey(ResourceKind<?> kind, String namespace, String name) {}

  private record CustomListKey(GroupVersionResource resource, ListQuery query) {}

  private record CustomGetKey(GroupVersionResource resource, String namespace, String name) {}

  private record ReviewKey(
      String verb,
      String namespace,
      String group,
      String version,
      String resource,
      String subresource,
      String name) {}

  private CachedClusterView(ClusterView delegate) {
    this.delegate = delegate;
  }

  /**
   * Starts a cache over a view.
   *
   * @param view the view to ask (a {@link LiveCluster}, a {@link SnapshotCluster}, …)
   * @return the cache, empty
   */
  public static CachedClusterView of(ClusterView view) {
    return new CachedClusterView(Objects.requireNonNull(view, "view"));
  }

  /**
   * The view this cache asks.
   *
   * @return the underlying view
   */
  public ClusterView delegate() {
    return delegate;
  }

  /** Forgets every answer, so that the next questions are asked again. */
  public void clear() {
    cache.clear();
  }

  /**
   * Lists several kinds in parallel with one query and caches the answers, e.g. before a run of
   * checks that will read them.
   *
   * @param query the query for every kind (all namespaces are allowed for cluster-scoped kinds
   *     only)
   * @param kinds the kinds
   * @throws ClusterAccessException the first failure, after all reads ended
   * @throws IllegalArgumentException if the query names a namespace for a cluster-scoped kind
   */
  public void prefetch(ListQuery query, ResourceKind<?>... kinds) {
    Objects.requireNonNull(query, "query");
    for (ResourceKind<?> k : kinds) {
      if (!k.namespaced() && query.namespace().isPresent()) {
        throw new IllegalArgumentException(
            k.kind() + " is cluster-scoped: prefetch it with ListQuery.inAllNamespaces()");
      }
    }
    if (kinds.length == 0) {
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(kinds.length, 8),
            r -> {
              Thread t = new Thread(r, "mesh-cluster-prefetch");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (ResourceKind<?> k : kinds) {
        futures.add(pool.submit(() -> list(k, query)));
      }
      RuntimeException first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (first == null) {
            first =
                e.getCause() instanceof RuntimeException re
                    ? re
                    : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw ClusterAccessException.builder(
                  ClusterAccessException.Failure.INTERRUPTED, "interrupted while prefetching")
              .build();
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public VersionInfo serverVersion() {
    return cached("version", delegate::serverVersion);
  }

  @Override
  public <T extends KubernetesObject> List<T> list(ResourceKind<T> kind, ListQuery query) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(query, "query");
    ListKey key = new ListKey(kind, query);
    if (!query.equals(ALL) && query.fieldSelector().isEmpty()) {
      Optional<List<T>> all = done(new ListKey(kind, ALL));
      if (all.isPresent()) {
        return cached(key, () -> filter(all.get(), query));
      }
    }
    return cached(key, () -> delegate.list(kind, query));
  }

  private static <T extends KubernetesObject> List<T> filter(List<T> all, ListQuery query) {
    List<Selectors.Requirement> labels = Selectors.parseLabels(query.labelSelector().orElse(""));
    List<T> out = new ArrayList<>();
    for (T o : all) {
      if (query.namespace().isPresent()
          && !query.namespace().get().equals(o.getMetadata().getNamespace())) {
        continue;
      }
      Map<String, String> l = o.getMetadata().getLabels();
      if (Selectors.matches(labels, l == null ? Map.of() : l)) {
        out.add(o);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(
      ResourceKind<T> kind, String namespace, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!kind.namespaced()) {
      return delegate.get(kind, namespace, name); // the delegate says why not
    }
    Optional<List<T>> covering = done(new ListKey(kind, ListQuery.inNamespace(namespace)));
    if (covering.isEmpty()) {
      covering = done(new ListKey(kind, ALL));
    }
    if (covering.isPresent()) {
      return find(covering.get(), namespace, name);
    }
    return cached(new GetKey(kind, namespace, name), () -> delegate.get(kind, namespace, name));
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (kind.namespaced()) {
      return delegate.get(kind, name);
    }
    Optional<List<T>> all = done(new ListKey(kind, ALL));
    if (all.isPresent()) {
      return find(all.get(), null, name);
    }
    return cached(new GetKey(kind, "", name), () -> delegate.get(kind, name));
  }

  private static <T extends KubernetesObject> Optional<T> find(
      List<T> objects, String namespace, String name) {
    for (T o : objects) {
      if (name.equals(o.getMetadata().getName())
          && (namespace == null || namespace.equals(o.getMetadata().getNamespace()))) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Map<String, Object>> listCustom(GroupVersionResource resource, ListQuery query) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(query, "query");
    return cached(new CustomListKey(resource, query), () -> delegate.listCustom(resource, query));
  }

  @Override
  public Optional<Map<String, Object>> getCustom(
      GroupVersionResource resource, String namespace, String name) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    return cached(
        new CustomGetKey(resource, namespace, name),
        () -> delegate.getCustom(resource, namespace, name));
  }

  @Override
  public Optional<Map<String, Object>> getCustom(GroupVersionResource resource, String name) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(name, "name");
    return cached(new CustomGetKey(resource, null, name), () -> delegate.getCustom(resource, name));
  }

  @Override
  public V1SubjectAccessReviewStatus accessReview(V1ResourceAttributes a) {
    Objects.requireNonNull(a, "attributes");
    ReviewKey key =
        new ReviewKey(
            a.getVerb(),
            a.getNamespace(),
            a.getGroup(),
            a.getVersion(),
            a.getResource(),
            a.getSubresource(),
            a.getName());
    return cached(key, () -> delegate.accessReview(a));
  }

  @Override
  public Map<String, Object> dryRunCreate(Manifest object) {
    return delegate.dryRunCreate(object);
  }

  @SuppressWarnings("unchecked")
  private <V> Optional<V> done(Object key) {
    CompletableFuture<Object> f = cache.get(key);
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      return Optional.of((V) f.join());
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private <V> V cached(Object key, Supplier<V> load) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing = cache.putIfAbsent(key, mine);
    if (existing == null) {
      try {
        V v = load.get();
        mine.complete(v);
        return v;
      } catch (RuntimeException | Error e) {
        cache.remove(key, mine);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return (V) existing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
