package io.meshsdk.cluster;

import java.util.Objects;

/**
 * An API resource named by group, version and plural resource name, as in a request path ({@code
 * /apis/<group>/<version>/<plural>}, or {@code /api/v1/<plural>} for the core group).
 *
 * @param group the API group, e.g. {@code policy.linkerd.io}; empty for the core group
 * @param version the version, e.g. {@code v1alpha1}
 * @param plural the plural resource name in lower case, e.g. {@code authorizationpolicies}
 */
public record GroupVersionResource(String group, String version, String plural) {

  /**
   * Checks the parts.
   *
   * @param group the API group; empty for the core group
   * @param version the version
   * @param plural the plural resource name
   * @throws IllegalArgumentException if version or plural is empty or a part contains a slash or
   *     white space
   */
  public GroupVersionResource {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(plural, "plural");
    check("group", group, true);
    check("version", version, false);
    check("plural", plural, false);
  }

  /**
   * Names a resource.
   *
   * @param group the API group; empty for the core group
   * @param version the version
   * @param plural the plural resource name
   * @return the resource
   * @throws IllegalArgumentException if version or plural is empty or a part contains a slash or
   *     white space
   */
  public static GroupVersionResource of(String group, String version, String plural) {
    return new GroupVersionResource(group, version, plural);
  }

  /**
   * The {@code apiVersion} of the resource's objects: {@code group/version}, or the version alone
   * for the core group.
   *
   * @return the API version
   */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The resource as kubectl names it: {@code plural.version.group}, or {@code plural.version} for
   * the core group.
   *
   * @return the name
   */
  @Override
  public String toString() {
    return group.isEmpty() ? plural + "." + version : plural + "." + version + "." + group;
  }

  private static void check(String what, String value, boolean mayBeEmpty) {
    if (value.isEmpty() && !mayBeEmpty) {
      throw new IllegalArgumentException("resource " + what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || Character.isWhitespace(c) || c == '?' || c == '#' || c == '%') {
        throw new IllegalArgumentException(
            "resource " + what + " \"" + value + "\" contains '" + c + "'");
      }
    }
  }
}
