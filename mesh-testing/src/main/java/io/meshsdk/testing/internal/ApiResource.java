package io.meshsdk.testing.internal;

import java.util.List;

/**
 * One REST resource the server serves: where it lives ({@code group}/{@code version}/{@code
 * plural}), its kind and scope, and what discovery says about it.
 *
 * @param group the API group, {@code ""} for the core group
 * @param version the version, e.g. {@code v1}
 * @param plural the resource name in URLs, e.g. {@code pods}
 * @param singular the singular name, e.g. {@code pod}
 * @param kind the kind, e.g. {@code Pod}
 * @param namespaced whether objects live in a namespace
 * @param shortNames kubectl's short names
 * @param verbs the verbs discovery announces
 */
public record ApiResource(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> verbs) {

  /** The verbs of an ordinary stored resource. */
  public static final List<String> STORED_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** The verbs of a review (create only, never stored). */
  public static final List<String> REVIEW_VERBS = List.of("create");

  /**
   * The group/version as it appears in {@code apiVersion}.
   *
   * @return {@code v1} or {@code apps/v1}
   */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * Whether objects are stored (not a review).
   *
   * @return true when the resource can be read back
   */
  public boolean stored() {
    return verbs.contains("get");
  }

  /**
   * The resource as a Kubernetes message names it: {@code pods} or {@code deployments.apps}.
   *
   * @return the qualified plural
   */
  public String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /**
   * The URL path of the collection in a namespace (or cluster-wide).
   *
   * @param namespace the namespace, ignored for cluster-scoped resources; null for all namespaces
   * @return the path
   */
  public String collectionPath(String namespace) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    if (namespaced && namespace != null) {
      return prefix + "/namespaces/" + namespace + "/" + plural;
    }
    return prefix + "/" + plural;
  }
}
