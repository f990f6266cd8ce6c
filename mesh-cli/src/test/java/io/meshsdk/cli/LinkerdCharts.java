package io.meshsdk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code charts} folder of Linkerd's charts in the shared conformance fixtures ({@code
 * mesh.conformance.dir}): a test that needs it is skipped with a message naming the folder when it
 * is absent, and fails instead under {@code CI=true}.
 */
final class LinkerdCharts {
  private LinkerdCharts() {}

  static Path dir() {
    Path charts =
        Path.of(System.getProperty("mesh.conformance.dir", "../shared/conformance"))
            .resolve("linkerd/charts-repo/charts");
    if (!Files.isDirectory(charts.resolve("linkerd-control-plane"))) {
      String message =
          "Linkerd's charts are not at "
              + charts.toAbsolutePath()
              + " (set -Dmesh.conformance.dir to the shared conformance fixtures)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    return charts;
  }
}
