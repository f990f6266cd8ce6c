package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import java.util.List;

/**
 * The result of injecting or uninjecting one {@link Manifest}: the output document (the input
 * document itself when nothing changed, so a writer emits it byte for byte) and one report per
 * resource. Immutable.
 */
public final class ManifestResult {
  private final Manifest manifest;
  private final List<ResourceReport> resources;

  ManifestResult(Manifest manifest, List<ResourceReport> resources) {
    this.manifest = manifest;
    this.resources = List.copyOf(resources);
  }

  /**
   * The output document.
   *
   * @return the document; {@link Manifest#isModified()} tells whether it changed
   */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * One report per resource, in document order.
   *
   * @return an unmodifiable list
   */
  public List<ResourceReport> resources() {
    return resources;
  }
}
