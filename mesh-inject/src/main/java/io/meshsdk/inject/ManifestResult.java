package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import java.util.List;
import java.util.Objects;

/**
 * The result of injecting or uninjecting one {@link Manifest}: the output document (the input
 * document itself when nothing changed, so a writer emits it byte for byte; otherwise a new, deeply
 * unmodifiable document) and one report per resource (several for a {@code kind: List}). Immutable.
 *
 * @param manifest the output document; {@link Manifest#isModified()} tells whether it changed
 * @param resources one report per resource, in document order (unmodifiable)
 */
public record ManifestResult(Manifest manifest, List<ResourceReport> resources) {
  /**
   * Creates a result.
   *
   * @param manifest the output document
   * @param resources the reports (copied)
   */
  public ManifestResult {
    Objects.requireNonNull(manifest, "manifest");
    resources = List.copyOf(resources);
  }
}
