package io.meshsdk.cluster;

import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides {@code SelfSubjectAccessReview}s (and dry-run creates) for a cluster without an
 * authorizer: a {@link SnapshotCluster}, or a test API server.
 *
 * <p>Rules are tried in order; the first whose verb, namespace, group and resource all match
 * decides. {@code "*"} matches anything. When no rule matches the default decides (deny, as RBAC
 * does, unless built otherwise). A denial by a rule sets {@code denied: true}; a denial because no
 * rule matched leaves {@code denied} unset, as RBAC's "no opinion" does.
 *
 * <pre>{@code
 * AccessPolicy.builder()
 *     .deny("get", "*", "", "secrets")
 *     .allow("*", "linkerd", "*", "*")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AccessPolicy {

  private static final AccessPolicy ALLOW_ALL = new AccessPolicy(List.of(), true);
  private static final AccessPolicy DENY_ALL = new AccessPolicy(List.of(), false);

  private record Rule(
      boolean allow, String verb, String namespace, String group, String resource, String reason) {
    boolean matches(V1ResourceAttributes a) {
      return match(verb, a.getVerb())
          && match(namespace, a.getNamespace())
          && match(group, a.getGroup())
          && match(resource, a.getResource());
    }

    private static boolean match(String pattern, String value) {
      return pattern.equals("*") || pattern.equals(value == null ? "" : value);
    }
  }

  private final List<Rule> rules;
  private final boolean allowByDefault;

  private AccessPolicy(List<Rule> rules, boolean allowByDefault) {
    this.rules = rules;
    this.allowByDefault = allowByDefault;
  }

  /**
   * Allows everything.
   *
   * @return the policy
   */
  public static AccessPolicy allowAll() {
    return ALLOW_ALL;
  }

  /**
   * Denies everything (without a rule: {@code allowed: false}, {@code denied} unset).
   *
   * @return the policy
   */
  public static AccessPolicy denyAll() {
    return DENY_ALL;
  }

  /**
   * Starts a policy of rules; unmatched requests are denied unless {@link Builder#allowByDefault()}
   * is called.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this policy's rules and default, to derive a changed copy (rules added to it
   * come after these).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.rules.addAll(rules);
    b.allowByDefault = allowByDefault;
    return b;
  }

  /**
   * Whether what no rule matches is allowed.
   *
   * @return true when built with {@link Builder#allowByDefault()} (or {@link #allowAll()})
   */
  public boolean allowsByDefault() {
    return allowByDefault;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessPolicy p
        && rules.equals(p.rules)
        && allowByDefault == p.allowByDefault;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rules, allowByDefault);
  }

  /**
   * Decides a review.
   *
   * @param attributes the request: verb, namespace (empty or unset for all), group (empty or unset
   *     for the core group), resource
   * @return the decision, as the API server's {@code status}
   */
  public V1SubjectAccessReviewStatus decide(V1ResourceAttributes attributes) {
    Objects.requireNonNull(attributes, "attributes");
    for (Rule r : rules) {
      if (r.matches(attributes)) {
        V1SubjectAccessReviewStatus s = new V1SubjectAccessReviewStatus().allowed(r.allow);
        if (!r.allow) {
          s.denied(true);
        }
        if (!r.reason.isEmpty()) {
          s.reason(r.reason);
        }
        return s;
      }
    }
    return new V1SubjectAccessReviewStatus().allowed(allowByDefault);
  }

  /**
   * Whether a request is allowed.
   *
   * @param verb e.g. {@code create}
   * @param namespace the namespace, or empty for cluster scope
   * @param group the API group, empty for the core group
   * @param resource the plural resource name
   * @return true if allowed
   */
  public boolean allows(String verb, Optional<String> namespace, String group, String resource) {
    V1ResourceAttributes a =
        new V1ResourceAttributes()
            .verb(verb)
            .namespace(namespace.orElse(""))
            .group(group)
            .resource(resource);
    return Boolean.TRUE.equals(decide(a).getAllowed());
  }

  /**
   * The policy as its rules, for messages.
   *
   * @return a description
   */
  @Override
  public String toString() {
    if (rules.isEmpty()) {
      return allowByDefault ? "allow all" : "deny all";
    }
    StringBuilder b = new StringBuilder();
    for (Rule r : rules) {
      b.append(r.allow ? "allow " : "deny ")
          .append(r.verb)
          .append(' ')
          .append(r.namespace)
          .append(' ')
          .append(r.group.isEmpty() ? "\"\"" : r.group)
          .append(' ')
          .append(r.resource)
          .append("; ");
    }
    return b.append(allowByDefault ? "otherwise allow" : "otherwise deny").toString();
  }

  /** Builds an {@link AccessPolicy}. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private boolean allowByDefault;

    private Builder() {}

    /**
     * Adds a rule that allows.
     *
     * @param verb the verb or {@code *}
     * @param namespace the namespace, {@code ""} for cluster scope, or {@code *}
     * @param group the API group, {@code ""} for the core group, or {@code *}
     * @param resource the plural resource name or {@code *}
     * @return this builder
     */
    public Builder allow(String verb, String namespace, String group, String resource) {
      return add(true, verb, namespace, group, resource, "");
    }

    /**
     * Adds a rule that denies.
     *
     * @param verb the verb or {@code *}
     * @param namespace the namespace, {@code ""} for cluster scope, or {@code *}
     * @param group the API group, {@code ""} for the core group, or {@code *}
     * @param resource the plural resource name or {@code *}
     * @return this builder
     */
    public Builder deny(String verb, String namespace, String group, String resource) {
      return add(false, verb, namespace, group, resource, "");
    }

    /**
     * Adds a rule that denies with a reason, as an authorizer explains a denial.
     *
     * @param verb the verb or {@code *}
     * @param namespace the namespace, {@code ""} for cluster scope, or {@code *}
     * @param group the API group, {@code ""} for the core group, or {@code *}
     * @param resource the plural resource name or {@code *}
     * @param reason the {@code status.reason} of the review
     * @return this builder
     */
    public Builder deny(
        String verb, String namespace, String group, String resource, String reason) {
      return add(false, verb, namespace, group, resource, Objects.requireNonNull(reason));
    }

    /**
     * Allows what no rule matches (the default is to deny).
     *
     * @return this builder
     */
    public Builder allowByDefault() {
      this.allowByDefault = true;
      return this;
    }

    private Builder add(
        boolean allow,
        String verb,
        String namespace,
        String group,
        String resource,
        String reason) {
      rules.add(
          new Rule(
              allow,
              Objects.requireNonNull(verb, "verb"),
              Objects.requireNonNull(namespace, "namespace"),
              Objects.requireNonNull(group, "group"),
              Objects.requireNonNull(resource, "resource"),
              reason));
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public AccessPolicy build() {
      return new AccessPolicy(List.copyOf(rules), allowByDefault);
    }
  }
}
