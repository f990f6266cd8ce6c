package io.meshsdk.inject.internal;

import java.util.List;

/** The engine's result for one document: the output root and the per-resource reports. */
public final class DocResult {
  /** The output document root (the input instance when nothing changed). */
  public final Object root;
  /** Whether {@link #root} differs from the input. */
  public final boolean changed;
  /** One report per resource (several for {@code kind: List}). */
  public final List<Report> reports;

  DocResult(Object root, boolean changed, List<Report> reports) {
    this.root = root;
    this.changed = changed;
    this.reports = reports;
  }
}
