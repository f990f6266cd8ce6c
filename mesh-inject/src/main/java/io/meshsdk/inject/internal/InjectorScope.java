package io.meshsdk.inject.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the proxy injector (Linkerd's admission webhook) never sees: its namespace selector leaves
 * out {@code kube-system}, {@code cert-manager} and namespaces labelled {@code
 * config.linkerd.io/admission-webhooks: disabled}. Stateless and thread-safe.
 */
public final class InjectorScope {
  /** The label that turns the webhook off for a namespace. */
  public static final String WEBHOOKS_LABEL = "config.linkerd.io/admission-webhooks";

  /**
   * A workload whose pod template asks the webhook for injection.
   *
   * @param kind the kind, lower case
   * @param name the workload's name
   * @param namespace its namespace
   */
  public record Annotated(String kind, String name, String namespace) {}

  private InjectorScope() {}

  /**
   * The workloads of a document (a List's items too) whose pod template says {@code
   * linkerd.io/inject: enabled} or {@code ingress} and whose {@code metadata.namespace} is set.
   *
   * @param root the document's root
   * @return the workloads, in order
   */
  public static List<Annotated> annotated(Object root) {
    List<Annotated> out = new ArrayList<>(1);
    Map<String, Object> doc = Trees.map(root);
    if (doc == null) {
      return out;
    }
    String kind = Trees.text(doc, "kind");
    List<Object> items = Trees.list(doc, "items");
    if (kind != null && kind.endsWith("List") && items != null) {
      for (Object item : items) {
        out.addAll(annotated(item));
      }
      return out;
    }
    Kind k = kind == null ? null : Kind.of(kind);
    if (k == null || !k.hasPodTemplate()) {
      return out;
    }
    Map<String, Object> template = k.template(doc);
    String inject =
        Trees.text(Trees.map(Trees.map(template, "metadata"), "annotations"), Names.INJECT);
    String namespace = Trees.text(Trees.map(doc, "metadata"), "namespace");
    if (("enabled".equals(inject) || "ingress".equals(inject))
        && namespace != null
        && !namespace.isEmpty()) {
      String name = Trees.text(Trees.map(doc, "metadata"), "name");
      out.add(
          new Annotated(
              kind.toLowerCase(java.util.Locale.ROOT), name == null ? "" : name, namespace));
    }
    return out;
  }

  /**
   * The name of a Namespace document labelled {@code config.linkerd.io/admission-webhooks:
   * disabled}, or null.
   *
   * @param root the document's root
   * @return the namespace's name or null
   */
  public static String webhooksDisabled(Object root) {
    Map<String, Object> doc = Trees.map(root);
    if (doc == null || !"Namespace".equals(Trees.text(doc, "kind"))) {
      return null;
    }
    Map<String, Object> meta = Trees.map(doc, "metadata");
    return "disabled".equals(Trees.text(Trees.map(meta, "labels"), WEBHOOKS_LABEL))
        ? Trees.text(meta, "name")
        : null;
  }
}
