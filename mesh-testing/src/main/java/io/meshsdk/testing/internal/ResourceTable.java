package io.meshsdk.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in resources of a Kubernetes 1.3x API server that Linkerd and its checks touch, plus
 * the custom resources that the stored CRDs define.
 */
public final class ResourceTable {
  private static final List<ApiResource> BUILT_IN =
      List.of(
          stored("", "v1", "namespaces", "Namespace", false, "ns"),
          stored("", "v1", "nodes", "Node", false, "no"),
          stored("", "v1", "pods", "Pod", true, "po"),
          stored("", "v1", "services", "Service", true, "svc"),
          stored("", "v1", "endpoints", "Endpoints", true, "ep"),
          stored("", "v1", "configmaps", "ConfigMap", true, "cm"),
          stored("", "v1", "secrets", "Secret", true),
          stored("", "v1", "serviceaccounts", "ServiceAccount", true, "sa"),
          stored("", "v1", "events", "Event", true, "ev"),
          stored("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"),
          stored("", "v1", "persistentvolumes", "PersistentVolume", false, "pv"),
          stored("", "v1", "resourcequotas", "ResourceQuota", true, "quota"),
          stored("", "v1", "limitranges", "LimitRange", true, "limits"),
          stored("apps", "v1", "deployments", "Deployment", true, "deploy"),
          stored("apps", "v1", "replicasets", "ReplicaSet", true, "rs"),
          stored("apps", "v1", "statefulsets", "StatefulSet", true, "sts"),
          stored("apps", "v1", "daemonsets", "DaemonSet", true, "ds"),
          stored("apps", "v1", "controllerrevisions", "ControllerRevision", true),
          stored("batch", "v1", "jobs", "Job", true),
          stored("batch", "v1", "cronjobs", "CronJob", true, "cj"),
          stored("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
          stored(
              "rbac.authorization.k8s.io",
              "v1",
              "clusterrolebindings",
              "ClusterRoleBinding",
              false),
          stored("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
          stored("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
          stored(
              "apiextensions.k8s.io",
              "v1",
              "customresourcedefinitions",
              "CustomResourceDefinition",
              false,
              "crd",
              "crds"),
          stored(
              "admissionregistration.k8s.io",
              "v1",
              "mutatingwebhookconfigurations",
              "MutatingWebhookConfiguration",
              false),
          stored(
              "admissionregistration.k8s.io",
              "v1",
              "validatingwebhookconfigurations",
              "ValidatingWebhookConfiguration",
              false),
          stored("apiregistration.k8s.io", "v1", "apiservices", "APIService", false),
          review(
              "authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview"),
          review("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview"),
          stored("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, "pdb"),
          stored("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, "netpol"),
          stored("networking.k8s.io", "v1", "ingresses", "Ingress", true, "ing"),
          stored("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true),
          stored("coordination.k8s.io", "v1", "leases", "Lease", true),
          stored("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, "pc"),
          stored("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, "sc"),
          stored(
              "autoscaling",
              "v2",
              "horizontalpodautoscalers",
              "HorizontalPodAutoscaler",
              true,
              "hpa"));

  private final List<ApiResource> all;

  private ResourceTable(List<ApiResource> all) {
    this.all = List.copyOf(all);
  }

  /**
   * The built-in resources only.
   *
   * @return the table
   */
  public static ResourceTable builtIn() {
    return new ResourceTable(BUILT_IN);
  }

  /**
   * The built-in resources plus those of the given CRDs (every served version).
   *
   * @param crds CRD objects as stored
   * @return the table
   */
  public static ResourceTable withCrds(List<JsonObject> crds) {
    List<ApiResource> out = new ArrayList<>(BUILT_IN);
    for (JsonObject crd : crds) {
      out.addAll(fromCrd(crd));
    }
    return new ResourceTable(out);
  }

  /**
   * The resources a CRD defines, one per served version.
   *
   * @param crd the CRD object
   * @return the resources, empty when the CRD lacks group, names or versions
   */
  public static List<ApiResource> fromCrd(JsonObject crd) {
    JsonObject spec = Json.object(crd, "spec");
    JsonObject names = Json.object(spec, "names");
    String group = Json.string(spec, "group");
    String plural = Json.string(names, "plural");
    String kind = Json.string(names, "kind");
    if (group.isEmpty() || plural.isEmpty() || kind.isEmpty()) {
      return List.of();
    }
    String singular = Json.string(names, "singular");
    if (singular.isEmpty()) {
      singular = kind.toLowerCase(java.util.Locale.ROOT);
    }
    List<String> shortNames = new ArrayList<>();
    JsonElement sn = names.get("shortNames");
    if (sn != null && sn.isJsonArray()) {
      for (JsonElement e : sn.getAsJsonArray()) {
        shortNames.add(e.getAsString());
      }
    }
    boolean namespaced = !"Cluster".equals(Json.string(spec, "scope"));
    List<ApiResource> out = new ArrayList<>();
    JsonElement versions = spec.get("versions");
    if (versions != null && versions.isJsonArray()) {
      for (JsonElement v : versions.getAsJsonArray()) {
        if (!v.isJsonObject()) {
          continue;
        }
        JsonObject version = v.getAsJsonObject();
        JsonElement served = version.get("served");
        if (served != null && served.isJsonPrimitive() && !served.getAsBoolean()) {
          continue;
        }
        String name = Json.string(version, "name");
        if (!name.isEmpty()) {
          out.add(
              new ApiResource(
                  group,
                  name,
                  plural,
                  singular,
                  kind,
                  namespaced,
                  List.copyOf(shortNames),
                  ApiResource.STORED_VERBS));
        }
      }
    }
    return out;
  }

  /**
   * Every resource.
   *
   * @return the resources, built-in first
   */
  public List<ApiResource> all() {
    return all;
  }

  /**
   * The resource at a group/version/plural.
   *
   * @param group the group
   * @param version the version
   * @param plural the plural
   * @return the resource, if served
   */
  public Optional<ApiResource> find(String group, String version, String plural) {
    for (ApiResource r : all) {
      if (r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The resource of an object's {@code apiVersion} and {@code kind}.
   *
   * @param apiVersion e.g. {@code apps/v1}
   * @param kind e.g. {@code Deployment}
   * @return the resource, if served
   */
  public Optional<ApiResource> byKind(String apiVersion, String kind) {
    for (ApiResource r : all) {
      if (r.apiVersion().equals(apiVersion) && r.kind().equals(kind)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The served group versions, in table order: group to versions.
   *
   * @return the map ({@code ""} for the core group)
   */
  public Map<String, List<String>> groupVersions() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ApiResource r : all) {
      List<String> versions = out.computeIfAbsent(r.group(), g -> new ArrayList<>());
      if (!versions.contains(r.version())) {
        versions.add(r.version());
      }
    }
    return out;
  }

  /**
   * The resources of one group/version.
   *
   * @param group the group
   * @param version the version
   * @return the resources, empty when the group version is not served
   */
  public List<ApiResource> resources(String group, String version) {
    List<ApiResource> out = new ArrayList<>();
    for (ApiResource r : all) {
      if (r.group().equals(group) && r.version().equals(version)) {
        out.add(r);
      }
    }
    return out;
  }

  static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  private static ApiResource stored(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      String... shortNames) {
    return new ApiResource(
        group,
        version,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        kind,
        namespaced,
        List.of(shortNames),
        ApiResource.STORED_VERBS);
  }

  private static ApiResource review(String group, String version, String plural, String kind) {
    return new ApiResource(
        group,
        version,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        kind,
        false,
        List.of(),
        ApiResource.REVIEW_VERBS);
  }
}
