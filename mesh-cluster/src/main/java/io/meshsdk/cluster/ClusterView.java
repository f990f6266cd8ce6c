package io.meshsdk.cluster;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.core.manifest.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only questions that Linkerd's checks ask a Kubernetes cluster.
 *
 * <p>Two implementations answer them the same way: a live cluster through the official Kubernetes
 * Java client, and a snapshot of manifests. Everything that runs on one runs unchanged on the
 * other.
 *
 * <p><b>Answers.</b> Objects are the official client's model types ({@code V1Pod}, {@code V1Node},
 * {@code V1CustomResourceDefinition}, …), chosen by a {@link ResourceKind}; custom resources are
 * generic trees ({@code Map<String, Object>} / {@code List<Object>} / scalars). Returned lists are
 * unmodifiable. The model objects are the client's mutable classes: treat them as read-only, since
 * an implementation may share them between callers (a run-scoped cache does).
 *
 * <p><b>Order.</b> Lists come back in the API server's order: by namespace, then name, exactly as
 * the server's storage orders its keys ({@code <namespace>/<name>} compared as bytes;
 * cluster-scoped objects by name).
 *
 * <p><b>Scope and selection.</b> A {@link ListQuery} picks one namespace or all of them, plus an
 * optional label selector and field selector with the API server's syntax and semantics.
 *
 * <p><b>Absence and failure.</b> A {@code get} of an object that does not exist is {@link
 * Optional#empty()} (the server's 404); every other failure — no access, no connection, a malformed
 * answer — is a {@link ClusterAccessException}. Passing a namespace for a cluster-scoped kind, or
 * none for a namespaced kind, is a programming error ({@link IllegalArgumentException}).
 *
 * <p><b>Never writes.</b> Nothing a {@code ClusterView} does changes the cluster: {@link
 * #dryRunCreate} and {@link #accessReview} are questions the server answers without storing
 * anything. Writing (server-side apply) is {@link ClusterWriter}'s alone.
 *
 * <p>Implementations are thread-safe: checks read concurrently.
 */
public interface ClusterView {

  /**
   * The server's version, as {@code GET /version} answers it.
   *
   * @return the version information ({@code gitVersion} such as {@code v1.31.2}, major, minor, …)
   * @throws ClusterAccessException if the server cannot be asked
   */
  VersionInfo serverVersion();

  /**
   * Lists objects of one kind.
   *
   * <p>For a cluster-scoped kind (nodes, namespaces, cluster roles, CRDs, webhook configurations,
   * API services) the query must cover all namespaces.
   *
   * @param kind what to list, e.g. {@link ResourceKind#PODS}
   * @param query the namespace (or all) and the label and field selectors
   * @param <T> the model type of the kind
   * @return the matching objects in the API server's order; empty if none match
   * @throws IllegalArgumentException if {@code query} names a namespace for a cluster-scoped kind
   * @throws ClusterAccessException if the list cannot be read
   */
  <T extends KubernetesObject> List<T> list(ResourceKind<T> kind, ListQuery query);

  /**
   * Reads one namespaced object by name.
   *
   * @param kind the kind, which must be namespaced (e.g. {@link ResourceKind#CONFIG_MAPS})
   * @param namespace the namespace
   * @param name the object's name
   * @param <T> the model type of the kind
   * @return the object, or empty if it does not exist
   * @throws IllegalArgumentException if {@code kind} is cluster-scoped
   * @throws ClusterAccessException if the object cannot be read for any reason other than absence
   */
  <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String namespace, String name);

  /**
   * Reads one cluster-scoped object by name.
   *
   * @param kind the kind, which must be cluster-scoped (e.g. {@link ResourceKind#NAMESPACES})
   * @param name the object's name
   * @param <T> the model type of the kind
   * @return the object, or empty if it does not exist
   * @throws IllegalArgumentException if {@code kind} is namespaced
   * @throws ClusterAccessException if the object cannot be read for any reason other than absence
   */
  <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String name);

  /**
   * Lists custom resources (or any resource) by group, version and plural, as generic trees.
   *
   * <p>Works for namespaced and cluster-scoped resources. A query for one namespace on a
   * cluster-scoped resource lists nothing.
   *
   * @param resource the resource, e.g. {@code policy.linkerd.io/v1alpha1 authorizationpolicies}
   * @param query the namespace (or all) and the label and field selectors
   * @return unmodifiable generic trees, one per object, in the API server's order
   * @throws ClusterAccessException if the list cannot be read; a resource the server does not serve
   *     is a failure with {@link ClusterAccessException.Failure#NOT_FOUND} (HTTP 404)
   */
  List<Map<String, Object>> listCustom(GroupVersionResource resource, ListQuery query);

  /**
   * Reads one namespaced custom resource (or any namespaced resource) by name.
   *
   * @param resource the resource
   * @param namespace the namespace
   * @param name the object's name
   * @return the object as an unmodifiable generic tree, or empty if it does not exist (or the
   *     server does not serve the resource)
   * @throws ClusterAccessException if the object cannot be read for any reason other than absence
   */
  Optional<Map<String, Object>> getCustom(
      GroupVersionResource resource, String namespace, String name);

  /**
   * Reads one cluster-scoped custom resource (or any cluster-scoped resource) by name.
   *
   * @param resource the resource
   * @param name the object's name
   * @return the object as an unmodifiable generic tree, or empty if it does not exist (or the
   *     server does not serve the resource)
   * @throws ClusterAccessException if the object cannot be read for any reason other than absence
   */
  Optional<Map<String, Object>> getCustom(GroupVersionResource resource, String name);

  /**
   * Asks whether the current user may do something: a {@code SelfSubjectAccessReview} ({@code
   * authorization.k8s.io/v1}), as {@code kubectl auth can-i} does.
   *
   * @param attributes what would be done: verb, namespace (empty for all), group, version,
   *     resource, subresource, name
   * @return the decision: {@code allowed}, {@code denied}, {@code reason}, {@code evaluationError}
   * @throws ClusterAccessException if the review cannot be made
   */
  V1SubjectAccessReviewStatus accessReview(V1ResourceAttributes attributes);

  /**
   * Asks the server whether it would create an object, without creating it: a {@code POST} with
   * {@code dryRun=All}, as Linkerd's "can create non-namespaced resources" check does.
   *
   * <p>The resource name is looked up for the well-known kinds and otherwise derived from the kind
   * as Linkerd derives it (lower case, plural). Nothing is stored, on a live cluster or a snapshot.
   *
   * @param object the object to create, with {@code apiVersion}, {@code kind} and {@code
   *     metadata.name} (and {@code metadata.namespace} for a namespaced kind)
   * @return the object as the server would have stored it, as an unmodifiable generic tree
   * @throws ClusterAccessException if the server refuses: {@link ClusterAccessException#status()}
   *     (e.g. 403, 409 {@code AlreadyExists}), {@link ClusterAccessException#reason()} and {@link
   *     ClusterAccessException#serverMessage()} say why
   * @throws IllegalArgumentException if the object has no {@code apiVersion}, {@code kind} or name
   */
  Map<String, Object> dryRunCreate(Manifest object);
}
