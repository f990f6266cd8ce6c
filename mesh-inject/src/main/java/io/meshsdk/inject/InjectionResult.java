package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of injecting or uninjecting one whole input (a file's documents, say): the output
 * documents in input order (unchanged ones are the input instances, so a writer emits them byte
 * for byte) and the input's {@link InjectionReport}, which renders Linkerd's stderr block.
 * Immutable.
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
}
