package io.meshsdk.install;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Linkerd's charts of the shared conformance fixtures ({@code mesh.conformance.dir}): tests that
 * need them are skipped with a message naming the folder when they are absent, and fail instead
 * under {@code CI=true}.
 */
final class Charts {
  private Charts() {}

  static Path repo() {
    Path repo =
        Path.of(System.getProperty("mesh.conformance.dir", "../shared/conformance"))
            .resolve("linkerd/charts-repo");
    if (!Files.isDirectory(repo.resolve("charts/linkerd-control-plane"))) {
      String message =
          "Linkerd's charts are not at "
              + repo.toAbsolutePath()
              + " (set -Dmesh.conformance.dir to the shared conformance fixtures)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return repo;
  }
}
