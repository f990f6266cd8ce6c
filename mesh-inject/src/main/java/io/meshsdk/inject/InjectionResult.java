package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of injecting or uninjecting one whole input (a file's documents, say): the output
 * documents in input order (unchanged ones are the input instances, so a writer emits them byte
 * for byte) and the input's {@link InjectionReport}, which renders Linkerd's stderr block.
 * Immutable.
 */
public final class InjectionResult {
  private final List<Manifest> documents;
  private final InjectionReport report;

  private InjectionResult(List<Manifest> documents, InjectionReport report) {
    this.documents = List.copyOf(documents);
    this.report = report;
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
   * The output documents, one per input document, in order.
   *
   * @return an unmodifiable list
   */
  public List<Manifest> documents() {
    return documents;
  }

  /**
   * The report of the whole input.
   *
   * @return the report
   */
  public InjectionReport report() {
    return report;
  }
}
