package io.meshsdk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the test API server answers a {@code SelfSubjectAccessReview} (what {@code kubectl auth
 * can-i} and Linkerd's RBAC checks ask): allow everything, deny everything, or rules by verb, API
 * group, resource and namespace, the first matching rule deciding. Immutable.
 *
 * <pre>{@code
 * AccessPolicy policy = AccessPolicy.builder()
 *     .deny("create", "apps", "deployments", "linkerd")
 *     .allow("*", "*", "*", "*")
 *     .build();
 * }</pre>
 */
public final class AccessPolicy {
  /** Matches any verb, group, resource or namespace. */
  public static final String ANY = "*";

  private record Rule(boolean allow, String verb, String group, String resource,
      String namespace) {
    boolean matches(String v, String g, String r, String ns) {
      return (verb.equals(ANY) || verb.equals(v)) && (group.equals(ANY) || group.equals(g))
          && (resource.equals(ANY) || resource.equals(r))
          && (namespace.equals(ANY) || namespace.equals(ns));
    }

    @Override
    public String toString() {
      return (allow ? "allow " : "deny ") + verb + " " + (group.isEmpty() ? "core" : group) + "/"
          + resource + " in " + (namespace.isEmpty() ? "cluster scope" : namespace);
    }
  }

  private static final AccessPolicy ALLOW_ALL = new AccessPolicy(List.of(), true, "allow all");
  private static final AccessPolicy DENY_ALL = new AccessPolicy(List.of(), false, "deny all");

  private final List<Rule> rules;
  private final boolean otherwise;
  private final String name;

  private AccessPolicy(List<Rule> rules, boolean otherwise, String name) {
    this.rules = List.copyOf(rules);
    this.otherwise = otherwise;
    this.name = name;
  }

  /**
   * Every review is allowed (the default: a cluster admin).
   *
   * @return the policy
   */
  public static AccessPolicy allowAll() {
    return ALLOW_ALL;
  }

  /**
   * Every review is denied.
   *
   * @return the policy
   */
  public static AccessPolicy denyAll() {
    return DENY_ALL;
  }

  /**
   * Rules, checked in order; a review no rule matches is denied unless {@link
   * Builder#otherwiseAllow()} is set.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decides a review.
   *
   * @param verb the verb ({@code get}, {@code list}, {@code create}, …)
   * @param group the API group, {@code ""} for the core group
   * @param resource the resource plural, e.g. {@code deployments}
   * @param namespace the namespace, {@code ""} for cluster scope or all namespaces
   * @return the decision
   */
  public Decision decide(String verb, String group, String resource, String namespace) {
    String v = Objects.requireNonNullElse(verb, "");
    String g = Objects.requireNonNullElse(group, "");
    String r = Objects.requireNonNullElse(resource, "");
    String ns = Objects.requireNonNullElse(namespace, "");
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule.matches(v, g, r, ns)) {
        return new Decision(rule.allow(), "mesh-testing policy rule " + (i + 1) + ": " + rule);
      }
    }
    return new Decision(otherwise, "mesh-testing policy: " + name);
  }

  @Override
  public String toString() {
    return "AccessPolicy[" + name + (rules.isEmpty() ? "" : ", " + rules) + "]";
  }

  /**
   * The answer to one review.
   *
   * @param allowed whether the action is allowed
   * @param reason why, naming the rule that decided
   */
  public record Decision(boolean allowed, String reason) {
  }

  /** Builds a rule-based policy. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private boolean otherwise;

    private Builder() {
    }

    /**
     * Allows a verb on a resource; each argument may be {@link #ANY}.
     *
     * @param verb the verb
     * @param group the group ({@code ""} for core)
     * @param resource the resource plural
     * @param namespace the namespace ({@code ""} for cluster scope)
     * @return this builder
     */
    public Builder allow(String verb, String group, String resource, String namespace) {
      rules.add(rule(true, verb, group, resource, namespace));
      return this;
    }

    /**
     * Denies a verb on a resource; each argument may be {@link #ANY}.
     *
     * @param verb the verb
     * @param group the group ({@code ""} for core)
     * @param resource the resource plural
     * @param namespace the namespace ({@code ""} for cluster scope)
     * @return this builder
     */
    public Builder deny(String verb, String group, String resource, String namespace) {
      rules.add(rule(false, verb, group, resource, namespace));
      return this;
    }

    /**
     * Allows what no rule matches (the default is to deny it).
     *
     * @return this builder
     */
    public Builder otherwiseAllow() {
      otherwise = true;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public AccessPolicy build() {
      return new AccessPolicy(rules, otherwise, otherwise ? "otherwise allow" : "otherwise deny");
    }

    private static Rule rule(boolean allow, String verb, String group, String resource,
        String namespace) {
      return new Rule(allow, Objects.requireNonNull(verb, "verb"),
          Objects.requireNonNull(group, "group"), Objects.requireNonNull(resource, "resource"),
          Objects.requireNonNull(namespace, "namespace"));
    }
  }
}
