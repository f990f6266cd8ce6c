package io.meshsdk.checks.internal;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.GroupVersionResource;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.manifest.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cluster the engine tests never ask: their checks do not read. */
final class NoCluster implements ClusterView {
  private static AssertionError unexpected() {
    return new AssertionError("engine tests do not read the cluster");
  }

  @Override
  public VersionInfo serverVersion() {
    throw unexpected();
  }

  @Override
  public <T extends KubernetesObject> List<T> list(ResourceKind<T> kind, ListQuery query) {
    throw unexpected();
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(
      ResourceKind<T> kind, String namespace, String name) {
    throw unexpected();
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String name) {
    throw unexpected();
  }

  @Override
  public List<Map<String, Object>> listCustom(GroupVersionResource resource, ListQuery query) {
    throw unexpected();
  }

  @Override
  public Optional<Map<String, Object>> getCustom(
      GroupVersionResource resource, String namespace, String name) {
    throw unexpected();
  }

  @Override
  public Optional<Map<String, Object>> getCustom(GroupVersionResource resource, String name) {
    throw unexpected();
  }

  @Override
  public V1SubjectAccessReviewStatus accessReview(V1ResourceAttributes attributes) {
    throw unexpected();
  }

  @Override
  public Map<String, Object> dryRunCreate(Manifest object) {
    throw unexpected();
  }
}
