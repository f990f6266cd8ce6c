package io.meshsdk.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * Which objects a list asks for: one namespace or all of them, a label selector and a field
 * selector, with the API server's syntax and semantics.
 *
 * <p>Label selectors: {@code key=value}, {@code key==value}, {@code key!=value}, {@code key}
 * (exists), {@code !key} (does not exist), {@code key in (a,b)}, {@code key notin (a,b)}, joined by
 * commas (all must hold). Field selectors: {@code field=value}, {@code field==value}, {@code
 * field!=value} joined by commas, on the fields the server supports for the kind ({@code
 * metadata.name}, {@code metadata.namespace}, and e.g. {@code status.phase}, {@code spec.nodeName}
 * for pods).
 *
 * <p>Immutable; equal queries are equal (a run-scoped cache keys on them).
 *
 * <pre>{@code
 * ListQuery.inNamespace("linkerd").withLabelSelector("linkerd.io/control-plane-component")
 * ListQuery.inAllNamespaces().withLabelSelector("linkerd.io/control-plane-ns=linkerd")
 * }</pre>
 */
public final class ListQuery {

  private static final ListQuery ALL = new ListQuery(Optional.empty(), "", "");

  private final Optional<String> namespace;
  private final String labelSelector;
  private final String fieldSelector;

  private ListQuery(Optional<String> namespace, String labelSelector, String fieldSelector) {
    this.namespace = namespace;
    this.labelSelector = labelSelector;
    this.fieldSelector = fieldSelector;
  }

  /**
   * Everything in all namespaces (and every object of a cluster-scoped kind).
   *
   * @return the query
   */
  public static ListQuery inAllNamespaces() {
    return ALL;
  }

  /**
   * Everything in one namespace.
   *
   * @param namespace the namespace name
   * @return the query
   * @throws IllegalArgumentException if the name is empty or contains a slash
   */
  public static ListQuery inNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (namespace.isEmpty() || namespace.contains("/")) {
      throw new IllegalArgumentException("invalid namespace name \"" + namespace + "\"");
    }
    return new ListQuery(Optional.of(namespace), "", "");
  }

  /**
   * This query with a label selector (replacing any earlier one); empty selects everything.
   *
   * @param selector e.g. {@code linkerd.io/control-plane-ns,!linkerd.io/cni-resource}
   * @return the new query
   * @throws IllegalArgumentException if the selector is malformed, saying where
   */
  public ListQuery withLabelSelector(String selector) {
    Objects.requireNonNull(selector, "selector");
    String s = selector.strip();
    io.meshsdk.cluster.internal.Selectors.parseLabels(s);
    return new ListQuery(namespace, s, fieldSelector);
  }

  /**
   * This query with a field selector (replacing any earlier one); empty selects everything.
   *
   * @param selector e.g. {@code metadata.name=linkerd-config} or {@code status.phase!=Succeeded}
   * @return the new query
   * @throws IllegalArgumentException if the selector is malformed, saying where
   */
  public ListQuery withFieldSelector(String selector) {
    Objects.requireNonNull(selector, "selector");
    String s = selector.strip();
    io.meshsdk.cluster.internal.Selectors.parseFields(s);
    return new ListQuery(namespace, labelSelector, s);
  }

  /**
   * The namespace, or empty for all namespaces.
   *
   * @return the namespace
   */
  public Optional<String> namespace() {
    return namespace;
  }

  /**
   * The label selector, or empty if there is none.
   *
   * @return the label selector as given (trimmed)
   */
  public Optional<String> labelSelector() {
    return labelSelector.isEmpty() ? Optional.empty() : Optional.of(labelSelector);
  }

  /**
   * The field selector, or empty if there is none.
   *
   * @return the field selector as given (trimmed)
   */
  public Optional<String> fieldSelector() {
    return fieldSelector.isEmpty() ? Optional.empty() : Optional.of(fieldSelector);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListQuery q
        && namespace.equals(q.namespace)
        && labelSelector.equals(q.labelSelector)
        && fieldSelector.equals(q.fieldSelector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, labelSelector, fieldSelector);
  }

  /**
   * The query as kubectl flags, e.g. {@code -n linkerd -l app=web}.
   *
   * @return a description for messages
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(namespace.map(n -> "-n " + n).orElse("-A"));
    if (!labelSelector.isEmpty()) {
      b.append(" -l ").append(labelSelector);
    }
    if (!fieldSelector.isEmpty()) {
      b.append(" --field-selector ").append(fieldSelector);
    }
    return b.toString();
  }
}
