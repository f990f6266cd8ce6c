package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.inject.internal.DocResult;
import io.meshsdk.inject.internal.UninjectEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes Linkerd's injection from Kubernetes documents, as {@code linkerd uninject} does: the
 * proxy and init containers, Linkerd's volumes, and the {@code linkerd.io/*} annotations and labels
 * (the user's own {@code config.linkerd.io/*} annotations and {@code linkerd.io/inject: disabled}
 * stay; control-plane components keep their metadata). Unlike Linkerd it also removes {@code
 * linkerd-debug}, {@code linkerd-network-validator} and the {@code linkerd-podinfo} volume, and the
 * {@code enable-debug-sidecar}/{@code close-wait-timeout} annotations of the injection it removes.
 * Fields it does not own keep their order and values.
 *
 * <p>Stateless and thread-safe.
 */
public final class Uninjector {
  private static final Uninjector INSTANCE = new Uninjector();

  private Uninjector() {}

  /**
   * The uninjector.
   *
   * @return the shared instance
   */
  public static Uninjector create() {
    return INSTANCE;
  }

  /**
   * Uninjects one manifest document ({@code kind: List} item by item). A document that is nothing
   * but a {@code ---} line is returned without a report, as Linkerd never sees it.
   *
   * @param manifest the document
   * @return the output document (the same instance when nothing was removed) and the reports
   */
  public ManifestResult uninject(Manifest manifest) {
    if (Reports.invisible(manifest)) {
      return new ManifestResult(manifest, List.of());
    }
    DocResult r = UninjectEngine.uninject(manifest.root());
    Manifest out = r.changed ? manifest.withRoot(r.root) : manifest;
    return new ManifestResult(out, Reports.uninjected(r.reports, manifest.location()));
  }

  /**
   * Uninjects a whole input (e.g. the documents of one file), with the input's report.
   *
   * @param documents the input's documents, in order
   * @return the output documents and the input's report
   */
  public InjectionResult uninjectAll(List<Manifest> documents) {
    List<ManifestResult> out = new ArrayList<>(documents.size());
    for (Manifest m : documents) {
      out.add(uninject(m));
    }
    return InjectionResult.of(InjectionReport.Operation.UNINJECT, out);
  }
}
