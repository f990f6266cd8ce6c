package io.meshsdk.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared conformance fixtures ({@code ../shared/conformance}) for tests.
 *
 * <p>The folder comes from the system property {@code mesh.conformance.dir}, which the parent POM
 * sets. When it is absent the conformance tests are skipped with a clear message, except under
 * {@code CI=true}, where they fail.
 */
public final class Conformance {
  private Conformance() {}

  /**
   * The conformance folder, or a skip (a failure under {@code CI=true}) when it is missing.
   *
   * @return the existing conformance folder
   */
  public static Path dir() {
    String prop = System.getProperty("mesh.conformance.dir");
    Path dir = prop == null || prop.isBlank() ? null : Paths.get(prop).normalize();
    if (dir != null && Files.isDirectory(dir)) {
      return dir;
    }
    String why =
        "conformance fixtures not found at "
            + (dir == null ? "(mesh.conformance.dir is not set)" : dir)
            + "; put ../shared beside the project or set -Dmesh.conformance.dir";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(why + " (CI=true: conformance tests must run)");
    }
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }

  /**
   * A file or folder inside the conformance folder.
   *
   * @param first first path segment, e.g. {@code "helm"}
   * @param more further segments
   * @return the resolved path (existence not checked)
   */
  public static Path resolve(String first, String... more) {
    return dir().resolve(Paths.get(first, more));
  }
}
