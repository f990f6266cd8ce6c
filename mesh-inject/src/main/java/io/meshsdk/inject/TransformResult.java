package io.meshsdk.inject;

import java.util.List;

/**
 * The result of injecting or uninjecting one document: the output tree and one report per resource
 * (several for a {@code kind: List}). Immutable: the output tree must not be modified (maps and
 * lists that were not changed are shared with the input, generated containers with other results).
 */
public final class TransformResult {
  private final Object document;
  private final boolean changed;
  private final List<ResourceReport> resources;

  TransformResult(Object document, boolean changed, List<ResourceReport> resources) {
    this.document = document;
    this.changed = changed;
    this.resources = List.copyOf(resources);
  }

  /**
   * The output document tree; the very input instance when nothing changed.
   *
   * @return the tree (ordered maps, lists, scalars), not to be modified
   */
  public Object document() {
    return document;
  }

  /**
   * Whether the output differs from the input.
   *
   * @return true when changed
   */
  public boolean changed() {
    return changed;
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
