package io.meshsdk.install.internal;

import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionCondition;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.install.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * Whether an applied object is ready, read through a {@link ClusterView}: a CRD when its {@code
 * Established} condition is {@code True}; a Deployment as {@code kubectl rollout status} decides
 * (the spec observed, every replica updated and available, no old replica left). Stateless.
 */
public final class Readiness {
  private Readiness() {}

  /**
   * Why an object is not ready yet, or that it is.
   *
   * @param ready whether it is ready
   * @param reason when not ready, what is awaited (e.g. {@code 0 of 1 updated replicas are
   *     available}); when ready, empty
   * @param failed true when the object will not become ready by waiting (a Deployment past its
   *     progress deadline)
   */
  public record State(boolean ready, String reason, boolean failed) {
    static State isReady() {
      return new State(true, "", false);
    }

    static State waiting(String reason) {
      return new State(false, reason, false);
    }
  }

  /**
   * The state of an object that is waited for.
   *
   * @param cluster the cluster
   * @param ref a CustomResourceDefinition or a Deployment
   * @return its state
   * @throws IllegalArgumentException for another kind
   */
  public static State of(ClusterView cluster, ObjectRef ref) {
    return switch (ref.kind()) {
      case "CustomResourceDefinition" ->
          crd(cluster.get(ResourceKind.CUSTOM_RESOURCE_DEFINITIONS, ref.name()));
      case "Deployment" ->
          deployment(cluster.get(ResourceKind.DEPLOYMENTS, ref.namespace().orElse(""), ref.name()));
      default -> throw new IllegalArgumentException("cannot wait for a " + ref.kind());
    };
  }

  static State crd(Optional<V1CustomResourceDefinition> crd) {
    if (crd.isEmpty()) {
      return State.waiting("not found");
    }
    List<V1CustomResourceDefinitionCondition> conditions =
        crd.get().getStatus() == null || crd.get().getStatus().getConditions() == null
            ? List.of()
            : crd.get().getStatus().getConditions();
    for (V1CustomResourceDefinitionCondition c : conditions) {
      if ("Established".equals(c.getType())) {
        if ("True".equals(c.getStatus())) {
          return State.isReady();
        }
        return State.waiting(
            "Established is "
                + c.getStatus()
                + (c.getReason() == null ? "" : " (" + c.getReason() + ")"));
      }
    }
    return State.waiting("no Established condition yet");
  }

  static State deployment(Optional<V1Deployment> found) {
    if (found.isEmpty()) {
      return State.waiting("not found");
    }
    V1Deployment d = found.get();
    long generation =
        d.getMetadata() == null || d.getMetadata().getGeneration() == null
            ? 0
            : d.getMetadata().getGeneration();
    V1DeploymentStatus s = d.getStatus();
    if (s == null) {
      return State.waiting("no status yet");
    }
    long observed = s.getObservedGeneration() == null ? 0 : s.getObservedGeneration();
    if (generation > observed) {
      return State.waiting("waiting for the deployment spec update to be observed");
    }
    if (s.getConditions() != null) {
      for (V1DeploymentCondition c : s.getConditions()) {
        if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
          return new State(false, "exceeded its progress deadline", true);
        }
      }
    }
    int wanted =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int updated = n(s.getUpdatedReplicas());
    int total = n(s.getReplicas());
    int available = n(s.getAvailableReplicas());
    if (updated < wanted) {
      return State.waiting(updated + " of " + wanted + " updated replicas are available");
    }
    if (total > updated) {
      return State.waiting((total - updated) + " old replicas are pending termination");
    }
    if (available < updated) {
      return State.waiting(available + " of " + updated + " updated replicas are available");
    }
    return State.isReady();
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }
}
