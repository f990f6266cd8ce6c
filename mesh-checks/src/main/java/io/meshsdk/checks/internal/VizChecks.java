package io.meshsdk.checks.internal;

/** The viz extension: linkerd-viz and linkerd-viz-data-plane. */
final class VizChecks {
  private VizChecks() {}

  static void add(Catalog c, Settings s) {
  }
}
