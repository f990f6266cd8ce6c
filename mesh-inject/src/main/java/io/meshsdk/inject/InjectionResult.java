package io.meshsdk.inject;

import io.meshsdk.core.manifest.DocumentEdits;
import io.meshsdk.core.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of injecting or uninjecting one whole input (a file's documents, say): the output
 * documents in input order (unchanged ones are the input instances, so a writer emits them byte for
 * byte) and the input's {@link InjectionReport}, which renders Linkerd's stderr block. Immutable.
 *
 * @param documents the output documents, one per input document, in order (unmodifiable)
 * @param report the report of the whole input
 */
public record InjectionResult(List<Manifest> documents, InjectionReport report) {
  /**
   * Creates a result.
   *
   * @param documents the output documents (copied)
   * @param report the report
   */
  public InjectionResult {
    documents = List.copyOf(documents);
    Objects.requireNonNull(report, "report");
  }

  /** Collects per-document results into one input's result. */
  static InjectionResult of(InjectionReport.Operation operation, List<ManifestResult> results) {
    List<Manifest> docs = new ArrayList<>(results.size());
    List<ResourceReport> resources = new ArrayList<>();
    for (ManifestResult r : results) {
      docs.add(r.manifest());
      resources.addAll(r.resources());
    }
    return new InjectionResult(docs, InjectionReport.of(operation, resources));
  }

  /**
   * Per output document, how it is written and the edits of its source text (see {@link
   * Manifest#edits()}): for a changed document read from text, the lines inject inserts, replaces
   * or removes, with their line numbers, for a unified diff or a review comment.
   *
   * @return one entry per document, in order
   */
  public List<DocumentEdits> edits() {
    List<DocumentEdits> out = new ArrayList<>(documents.size());
    for (Manifest m : documents) {
      out.add(m.edits());
    }
    return List.copyOf(out);
  }

  /**
   * The warnings of {@link NamespaceWarnings} for this input's output (workloads annotated for
   * injection in namespaces the proxy injector never sees); empty for uninject.
   *
   * @return the warning lines
   */
  public List<String> namespaceWarnings() {
    if (report.operation() != InjectionReport.Operation.INJECT) {
      return List.of();
    }
    NamespaceWarnings w = new NamespaceWarnings();
    documents.forEach(w::add);
    return w.warnings();
  }
}
