package io.meshsdk.cluster;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1APIService;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1MutatingWebhookConfiguration;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1ValidatingWebhookConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of Kubernetes object that a {@link ClusterView} reads, with the official client's model
 * type for it: {@code ResourceKind.PODS} lists {@code V1Pod}s.
 *
 * <p>The constants are the kinds Linkerd's checks read. Custom resources and other kinds are read
 * as generic trees by {@link GroupVersionResource} instead.
 *
 * @param <T> the model type of the kind's objects
 */
public final class ResourceKind<T extends KubernetesObject> {

  /** Nodes ({@code v1}, cluster-scoped). */
  public static final ResourceKind<V1Node> NODES =
      new ResourceKind<>("", "v1", "nodes", "Node", false, V1Node.class);

  /** Namespaces ({@code v1}, cluster-scoped). */
  public static final ResourceKind<V1Namespace> NAMESPACES =
      new ResourceKind<>("", "v1", "namespaces", "Namespace", false, V1Namespace.class);

  /** Pods ({@code v1}). */
  public static final ResourceKind<V1Pod> PODS =
      new ResourceKind<>("", "v1", "pods", "Pod", true, V1Pod.class);

  /** Services ({@code v1}). */
  public static final ResourceKind<V1Service> SERVICES =
      new ResourceKind<>("", "v1", "services", "Service", true, V1Service.class);

  /** Endpoints ({@code v1}), which Linkerd's opaque-ports check reads. */
  public static final ResourceKind<V1Endpoints> ENDPOINTS =
      new ResourceKind<>("", "v1", "endpoints", "Endpoints", true, V1Endpoints.class);

  /** Config maps ({@code v1}). */
  public static final ResourceKind<V1ConfigMap> CONFIG_MAPS =
      new ResourceKind<>("", "v1", "configmaps", "ConfigMap", true, V1ConfigMap.class);

  /** Secrets ({@code v1}). Their data never appears in messages. */
  public static final ResourceKind<V1Secret> SECRETS =
      new ResourceKind<>("", "v1", "secrets", "Secret", true, V1Secret.class);

  /** Service accounts ({@code v1}). */
  public static final ResourceKind<V1ServiceAccount> SERVICE_ACCOUNTS =
      new ResourceKind<>(
          "", "v1", "serviceaccounts", "ServiceAccount", true, V1ServiceAccount.class);

  /** Deployments ({@code apps/v1}). */
  public static final ResourceKind<V1Deployment> DEPLOYMENTS =
      new ResourceKind<>("apps", "v1", "deployments", "Deployment", true, V1Deployment.class);

  /** Replica sets ({@code apps/v1}). */
  public static final ResourceKind<V1ReplicaSet> REPLICA_SETS =
      new ResourceKind<>("apps", "v1", "replicasets", "ReplicaSet", true, V1ReplicaSet.class);

  /** Stateful sets ({@code apps/v1}). */
  public static final ResourceKind<V1StatefulSet> STATEFUL_SETS =
      new ResourceKind<>("apps", "v1", "statefulsets", "StatefulSet", true, V1StatefulSet.class);

  /** Daemon sets ({@code apps/v1}). */
  public static final ResourceKind<V1DaemonSet> DAEMON_SETS =
      new ResourceKind<>("apps", "v1", "daemonsets", "DaemonSet", true, V1DaemonSet.class);

  /** Jobs ({@code batch/v1}). */
  public static final ResourceKind<V1Job> JOBS =
      new ResourceKind<>("batch", "v1", "jobs", "Job", true, V1Job.class);

  /** Cron jobs ({@code batch/v1}). */
  public static final ResourceKind<V1CronJob> CRON_JOBS =
      new ResourceKind<>("batch", "v1", "cronjobs", "CronJob", true, V1CronJob.class);

  /** Cluster roles ({@code rbac.authorization.k8s.io/v1}, cluster-scoped). */
  public static final ResourceKind<V1ClusterRole> CLUSTER_ROLES =
      new ResourceKind<>(
          "rbac.authorization.k8s.io",
          "v1",
          "clusterroles",
          "ClusterRole",
          false,
          V1ClusterRole.class);

  /** Cluster role bindings ({@code rbac.authorization.k8s.io/v1}, cluster-scoped). */
  public static final ResourceKind<V1ClusterRoleBinding> CLUSTER_ROLE_BINDINGS =
      new ResourceKind<>(
          "rbac.authorization.k8s.io",
          "v1",
          "clusterrolebindings",
          "ClusterRoleBinding",
          false,
          V1ClusterRoleBinding.class);

  /** Roles ({@code rbac.authorization.k8s.io/v1}). */
  public static final ResourceKind<V1Role> ROLES =
      new ResourceKind<>("rbac.authorization.k8s.io", "v1", "roles", "Role", true, V1Role.class);

  /** Role bindings ({@code rbac.authorization.k8s.io/v1}). */
  public static final ResourceKind<V1RoleBinding> ROLE_BINDINGS =
      new ResourceKind<>(
          "rbac.authorization.k8s.io",
          "v1",
          "rolebindings",
          "RoleBinding",
          true,
          V1RoleBinding.class);

  /** Custom resource definitions ({@code apiextensions.k8s.io/v1}, cluster-scoped). */
  public static final ResourceKind<V1CustomResourceDefinition> CUSTOM_RESOURCE_DEFINITIONS =
      new ResourceKind<>(
          "apiextensions.k8s.io",
          "v1",
          "customresourcedefinitions",
          "CustomResourceDefinition",
          false,
          V1CustomResourceDefinition.class);

  /** Mutating webhook configurations ({@code admissionregistration.k8s.io/v1}, cluster-scoped). */
  public static final ResourceKind<V1MutatingWebhookConfiguration> MUTATING_WEBHOOK_CONFIGURATIONS =
      new ResourceKind<>(
          "admissionregistration.k8s.io",
          "v1",
          "mutatingwebhookconfigurations",
          "MutatingWebhookConfiguration",
          false,
          V1MutatingWebhookConfiguration.class);

  /**
   * Validating webhook configurations ({@code admissionregistration.k8s.io/v1}, cluster-scoped).
   */
  public static final ResourceKind<V1ValidatingWebhookConfiguration>
      VALIDATING_WEBHOOK_CONFIGURATIONS =
          new ResourceKind<>(
              "admissionregistration.k8s.io",
              "v1",
              "validatingwebhookconfigurations",
              "ValidatingWebhookConfiguration",
              false,
              V1ValidatingWebhookConfiguration.class);

  /** API services ({@code apiregistration.k8s.io/v1}, cluster-scoped), e.g. Linkerd's tap. */
  public static final ResourceKind<V1APIService> API_SERVICES =
      new ResourceKind<>(
          "apiregistration.k8s.io", "v1", "apiservices", "APIService", false, V1APIService.class);

  private static final List<ResourceKind<?>> ALL =
      List.of(
          NODES,
          NAMESPACES,
          PODS,
          SERVICES,
          ENDPOINTS,
          CONFIG_MAPS,
          SECRETS,
          SERVICE_ACCOUNTS,
          DEPLOYMENTS,
          REPLICA_SETS,
          STATEFUL_SETS,
          DAEMON_SETS,
          JOBS,
          CRON_JOBS,
          CLUSTER_ROLES,
          CLUSTER_ROLE_BINDINGS,
          ROLES,
          ROLE_BINDINGS,
          CUSTOM_RESOURCE_DEFINITIONS,
          MUTATING_WEBHOOK_CONFIGURATIONS,
          VALIDATING_WEBHOOK_CONFIGURATIONS,
          API_SERVICES);

  private final GroupVersionResource resource;
  private final String kind;
  private final boolean namespaced;
  private final Class<T> type;

  private ResourceKind(
      String group, String version, String plural, String kind, boolean namespaced, Class<T> type) {
    this.resource = GroupVersionResource.of(group, version, plural);
    this.kind = kind;
    this.namespaced = namespaced;
    this.type = type;
  }

  /**
   * Every kind defined here, in the order of this class.
   *
   * @return the kinds
   */
  public static List<ResourceKind<?>> all() {
    return ALL;
  }

  /**
   * Finds the kind of objects with an {@code apiVersion} and {@code kind}.
   *
   * @param apiVersion e.g. {@code apps/v1}
   * @param kind e.g. {@code Deployment}
   * @return the kind, or empty if it is not one defined here
   */
  public static Optional<ResourceKind<?>> of(String apiVersion, String kind) {
    for (ResourceKind<?> k : ALL) {
      if (k.apiVersion().equals(apiVersion) && k.kind.equals(kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The resource: group, version and plural name.
   *
   * @return the resource
   */
  public GroupVersionResource resource() {
    return resource;
  }

  /**
   * The API group; empty for the core group.
   *
   * @return the group
   */
  public String group() {
    return resource.group();
  }

  /**
   * The version, e.g. {@code v1}.
   *
   * @return the version
   */
  public String version() {
    return resource.version();
  }

  /**
   * The plural resource name, e.g. {@code pods}.
   *
   * @return the plural name
   */
  public String plural() {
    return resource.plural();
  }

  /**
   * The {@code apiVersion} of the objects, e.g. {@code apps/v1}.
   *
   * @return the API version
   */
  public String apiVersion() {
    return resource.apiVersion();
  }

  /**
   * The {@code kind} of the objects, e.g. {@code Deployment}.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * Whether the objects live in namespaces.
   *
   * @return true for namespaced kinds, false for cluster-scoped ones
   */
  public boolean namespaced() {
    return namespaced;
  }

  /** Refuses a one-namespace list of a cluster-scoped kind (the API server answers 404). */
  void requireListable(ListQuery query) {
    if (!namespaced() && query.namespace().isPresent()) {
      throw new IllegalArgumentException(
          kind() + " is cluster-scoped: list it with ListQuery.inAllNamespaces()");
    }
  }

  /** Refuses a get with a namespace of a cluster-scoped kind. */
  void requireNamespaced() {
    if (!namespaced()) {
      throw new IllegalArgumentException(kind() + " is cluster-scoped: get it without a namespace");
    }
  }

  /** Refuses a get without a namespace of a namespaced kind. */
  void requireClusterScoped() {
    if (namespaced()) {
      throw new IllegalArgumentException(kind() + " is namespaced: get it with a namespace");
    }
  }

  /**
   * The official client's model class for the objects, e.g. {@code V1Pod.class}.
   *
   * @return the model class
   */
  public Class<T> type() {
    return type;
  }

  /**
   * The kind with its API version, e.g. {@code Deployment.apps/v1}.
   *
   * @return a description for messages
   */
  @Override
  public String toString() {
    return kind + "." + apiVersion();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceKind<?> other
        && resource.equals(other.resource)
        && kind.equals(other.kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resource, kind);
  }
}
