package io.meshsdk.checks.internal;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.MeshException;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.values.HelmValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One attempt's view of the cluster: every read is made once and shared by the checks that run
 * concurrently (a retry starts a fresh context), plus the run's settings and derived state (the
 * {@code linkerd-config} values, identity material).
 *
 * <p>Thread-safe.
 */
public final class RunContext {
  private final ClusterView cluster;
  private final Settings settings;
  private final boolean wideLists;
  private final ConcurrentHashMap<Object, CompletableFuture<Object>> memo =
      new ConcurrentHashMap<>();

  /**
   * A fresh context.
   *
   * @param cluster the cluster
   * @param settings the run's settings
   * @param wideLists whether namespaced pod and service lists are derived from one list of all of
   *     them (when a check needs all of them anyway)
   */
  public RunContext(ClusterView cluster, Settings settings, boolean wideLists) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.wideLists = wideLists;
  }

  /**
   * The cluster.
   *
   * @return the cluster
   */
  public ClusterView cluster() {
    return cluster;
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public Settings settings() {
    return settings;
  }

  /**
   * The current instant, from the run's clock.
   *
   * @return now
   */
  public Instant now() {
    return settings.clock().instant();
  }

  /**
   * The control-plane namespace.
   *
   * @return e.g. {@code linkerd}
   */
  public String cpns() {
    return settings.controlPlaneNamespace();
  }

  /**
   * Computes a value once per context; concurrent callers wait for the first.
   *
   * @param key the key
   * @param compute how to compute it
   * @param <T> the value type
   * @return the value
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, Supplier<T> compute) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> f = memo.putIfAbsent(key, mine);
    if (f == null) {
      f = mine;
      try {
        mine.complete(compute.get());
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
      }
    }
    try {
      return (T) f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * A list, read once.
   *
   * @param kind the kind
   * @param query the query
   * @param <T> the model type
   * @return the objects
   */
  public <T extends KubernetesObject> List<T> list(ResourceKind<T> kind, ListQuery query) {
    return memo(List.of("list", kind, query), () -> cluster.list(kind, query));
  }

  /**
   * A namespaced object, read once.
   *
   * @param kind the kind
   * @param namespace the namespace
   * @param name the name
   * @param <T> the model type
   * @return the object, or empty on 404
   */
  public <T extends KubernetesObject> Optional<T> get(
      ResourceKind<T> kind, String namespace, String name) {
    return memo(List.of("get", kind, namespace, name), () -> cluster.get(kind, namespace, name));
  }

  /**
   * A cluster-scoped object, read once.
   *
   * @param kind the kind
   * @param name the name
   * @param <T> the model type
   * @return the object, or empty on 404
   */
  public <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String name) {
    return memo(List.of("get", kind, name), () -> cluster.get(kind, name));
  }

  /**
   * A CRD by name, taken from one list of all CRDs (a direct read if that list is refused).
   *
   * @param name the CRD name
   * @return the CRD, or empty
   */
  public Optional<V1CustomResourceDefinition> crd(String name) {
    List<V1CustomResourceDefinition> all;
    try {
      all = list(ResourceKind.CUSTOM_RESOURCE_DEFINITIONS, ListQuery.inAllNamespaces());
    } catch (ClusterAccessException e) {
      return get(ResourceKind.CUSTOM_RESOURCE_DEFINITIONS, name);
    }
    return all.stream().filter(c -> name.equals(name(c))).findFirst();
  }

  /**
   * Pods in one namespace or all, with a label selector; derived from one list of every pod when a
   * check needs every pod anyway.
   *
   * @param namespace the namespace, or empty for all
   * @param selector a label selector ({@code key}, {@code !key}, {@code key=value}, commas)
   * @return the pods in the API server's order
   */
  public List<V1Pod> pods(Optional<String> namespace, String selector) {
    return derived(ResourceKind.PODS, namespace, selector);
  }

  /**
   * Services in one namespace or all; derived like {@link #pods}.
   *
   * @param namespace the namespace, or empty for all
   * @param selector a label selector
   * @return the services
   */
  public List<V1Service> services(Optional<String> namespace, String selector) {
    return derived(ResourceKind.SERVICES, namespace, selector);
  }

  private <T extends KubernetesObject> List<T> derived(
      ResourceKind<T> kind, Optional<String> namespace, String selector) {
    if (wideLists || namespace.isEmpty() && selector.isEmpty()) {
      try {
        List<T> all = list(kind, ListQuery.inAllNamespaces());
        return all.stream()
            .filter(o -> namespace.isEmpty() || namespace.get().equals(namespaceOf(o)))
            .filter(o -> Labels.matches(selector, labels(o)))
            .toList();
      } catch (ClusterAccessException e) {
        if (namespace.isEmpty() && selector.isEmpty()) {
          throw e;
        }
      }
    }
    ListQuery q = namespace.map(ListQuery::inNamespace).orElse(ListQuery.inAllNamespaces());
    if (!selector.isEmpty()) {
      q = q.withLabelSelector(selector);
    }
    return list(kind, q);
  }

  /**
   * The {@code linkerd-config} ConfigMap.
   *
   * @return the ConfigMap, or empty when it does not exist
   */
  public Optional<V1ConfigMap> linkerdConfigMap() {
    return get(ResourceKind.CONFIG_MAPS, cpns(), LinkerdNames.CONFIG_MAP);
  }

  /**
   * The raw {@code values} of {@code linkerd-config}, a legacy {@code global:} block merged into
   * the root.
   *
   * @return the values as stored
   * @throws Fail {@code configmaps "linkerd-config" not found} when the ConfigMap is missing, or
   *     the parse error
   */
  public HelmValues configValuesRaw() {
    return memo(
        "config-values-raw",
        () -> {
          V1ConfigMap cm =
              linkerdConfigMap()
                  .orElseThrow(
                      () -> new Fail("configmaps \"" + LinkerdNames.CONFIG_MAP + "\" not found"));
          String text = cm.getData() == null ? null : cm.getData().get("values");
          HelmValues v;
          try {
            v = HelmValues.fromYaml(text == null ? "" : text, cpns() + "/linkerd-config values");
          } catch (MeshException e) {
            throw new Fail(e.getMessage());
          }
          Optional<Map<String, Object>> global = v.getMap("global");
          if (global.isPresent()) {
            v = v.without("global").merge(HelmValues.of(global.get()));
          }
          return v;
        });
  }

  /**
   * The control plane's values: the chart defaults with {@code linkerd-config}'s values over them,
   * as Linkerd unmarshals them onto its default values.
   *
   * @return the values
   * @throws Fail when the ConfigMap is missing or unreadable
   */
  public HelmValues configValues() {
    return memo(
        "config-values", () -> LinkerdChart.CONTROL_PLANE.defaults().merge(configValuesRaw()));
  }

  /**
   * Whether CNI checks run: {@code --linkerd-cni-enabled}, the planned values, or {@code
   * cniEnabled} in {@code linkerd-config}.
   *
   * @return true when CNI is enabled
   */
  public boolean cniEnabled() {
    if (settings.cniEnabled()
        || settings.plannedValues().flatMap(v -> v.getBoolean("cniEnabled")).orElse(false)) {
      return true;
    }
    return memo(
        "cni-enabled",
        () -> {
          try {
            return configValues().getBoolean("cniEnabled").orElse(false);
          } catch (Fail | ClusterAccessException e) {
            return false;
          }
        });
  }

  static String name(KubernetesObject o) {
    V1ObjectMeta m = o.getMetadata();
    return m == null || m.getName() == null ? "" : m.getName();
  }

  static String namespaceOf(KubernetesObject o) {
    V1ObjectMeta m = o.getMetadata();
    return m == null || m.getNamespace() == null ? "" : m.getNamespace();
  }

  static Map<String, String> labels(KubernetesObject o) {
    V1ObjectMeta m = o.getMetadata();
    return m == null || m.getLabels() == null ? Map.of() : m.getLabels();
  }

  static Map<String, String> annotations(KubernetesObject o) {
    V1ObjectMeta m = o.getMetadata();
    return m == null || m.getAnnotations() == null ? Map.of() : m.getAnnotations();
  }
}
