package io.meshsdk.install;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import java.util.List;
import java.util.Optional;

/**
 * An install could not be prepared or rendered: bad identity material, a chart that cannot be read,
 * an option the chart does not support; or it could not be applied: the pre-install checks refused
 * it ({@link #checkReport()}, {@link #findings()}), the server refused an object, a wait timed out.
 * The message names what was wrong and never holds private key material or Secret data.
 */
public class InstallException extends MeshException {
  private static final long serialVersionUID = 1L;

  /** The report of refusing pre-install checks; not serialised. */
  private final transient CheckReport report;

  private final transient List<CheckResult> findings;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for people
   */
  public InstallException(String message) {
    super(message);
    this.report = null;
    this.findings = List.of();
  }

  /**
   * Creates the exception of refusing pre-install checks.
   *
   * @param message what went wrong, naming each refusing check
   * @param report the whole report of the checks
   * @param findings the results that refused the install
   */
  public InstallException(String message, CheckReport report, List<CheckResult> findings) {
    super(message);
    this.report = report;
    this.findings = List.copyOf(findings);
  }

  /**
   * Creates an exception with a message and the cause.
   *
   * @param message what went wrong, for people
   * @param cause the underlying failure
   */
  public InstallException(String message, Throwable cause) {
    super(message, cause);
    this.report = null;
    this.findings = List.of();
  }

  /**
   * The report of the pre-install checks, when they refused the install.
   *
   * @return the report, empty for other failures
   */
  public Optional<CheckReport> checkReport() {
    return Optional.ofNullable(report);
  }

  /**
   * The check results that refused the install.
   *
   * @return the results (failed checks, and the docker-runtime warning); empty for other failures
   */
  public List<CheckResult> findings() {
    return findings == null ? List.of() : findings;
  }
}
