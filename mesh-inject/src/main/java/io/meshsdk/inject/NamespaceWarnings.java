package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.inject.internal.InjectorScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings Linkerd does not give: a workload annotated for injection ({@code linkerd.io/inject:
 * enabled} on its pod template) in a namespace the proxy injector never sees — {@code kube-system},
 * {@code cert-manager}, or a namespace labelled {@code config.linkerd.io/admission-webhooks:
 * disabled} in the same input — where the annotation would silently do nothing. Feed it one input's
 * output documents, then ask for the warnings. Not thread-safe.
 */
public final class NamespaceWarnings {
  private static final Set<String> NEVER_SEEN = Set.of("kube-system", "cert-manager");
  private final List<InjectorScope.Annotated> annotated = new ArrayList<>();
  private final Set<String> disabled = new LinkedHashSet<>();

  /** Creates an empty collector. */
  public NamespaceWarnings() {}

  /**
   * Looks at one output document.
   *
   * @param document an output document of the input
   * @return this collector
   */
  public NamespaceWarnings add(Manifest document) {
    Object root = document.root();
    annotated.addAll(InjectorScope.annotated(root));
    String ns = InjectorScope.webhooksDisabled(root);
    if (ns != null) {
      disabled.add(ns);
    }
    return this;
  }

  /**
   * The warnings, one line each (without the {@code ‼} mark and line break), in document order.
   *
   * @return the warnings, empty when there is nothing to warn about
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (InjectorScope.Annotated a : annotated) {
      String why;
      if (NEVER_SEEN.contains(a.namespace())) {
        why = "the proxy injector never sees namespace " + a.namespace();
      } else if (disabled.contains(a.namespace())) {
        why =
            "namespace "
                + a.namespace()
                + " is labelled "
                + InjectorScope.WEBHOOKS_LABEL
                + ": disabled, so the proxy injector never sees it";
      } else {
        continue;
      }
      out.add(
          a.kind()
              + "/"
              + a.name()
              + " is annotated for injection but "
              + why
              + ": its pods will not be meshed");
    }
    return List.copyOf(out);
  }

  /**
   * The warnings as Linkerd-style report lines ({@code ‼ …}, each ending with a line break).
   *
   * @return the lines, empty when there is nothing to warn about
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (String w : warnings()) {
      sb.append("\u203c ").append(w).append('\n');
    }
    return sb.toString();
  }
}
