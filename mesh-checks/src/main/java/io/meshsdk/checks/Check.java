package io.meshsdk.checks;

import io.meshsdk.core.report.Severity;
import java.util.Objects;

/**
 * One of Linkerd's checks: its category, description, hint anchor, severity and retry behaviour.
 *
 * <p>The catalog of every check a {@link HealthChecker} can run is {@link HealthChecker#catalog()},
 * in run order. Immutable and thread-safe.
 */
public final class Check {
  private final CheckCategory category;
  private final String description;
  private final String hintAnchor;
  private final Severity severity;
  private final boolean retryable;
  private final boolean showsRetryError;

  private Check(
      CheckCategory category,
      String description,
      String hintAnchor,
      Severity severity,
      boolean retryable,
      boolean showsRetryError) {
    this.category = Objects.requireNonNull(category, "category");
    this.description = Objects.requireNonNull(description, "description");
    this.hintAnchor = Objects.requireNonNull(hintAnchor, "hint anchor");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.retryable = retryable;
    this.showsRetryError = showsRetryError;
  }

  /**
   * Describes a check.
   *
   * @param category its category
   * @param description what it verifies, as Linkerd words it
   * @param hintAnchor the anchor of its entry on the hint page, e.g. {@code l5d-existence-ns}
   * @param severity fatal, error or warning
   * @param retryable whether a failure is retried until the run's retry deadline
   * @param showsRetryError whether the real error (rather than "waiting for check to complete") is
   *     shown while retrying
   * @return the check
   */
  public static Check of(
      CheckCategory category,
      String description,
      String hintAnchor,
      Severity severity,
      boolean retryable,
      boolean showsRetryError) {
    return new Check(category, description, hintAnchor, severity, retryable, showsRetryError);
  }

  /**
   * The category.
   *
   * @return e.g. {@link CheckCategory#LINKERD_CONFIG}
   */
  public CheckCategory category() {
    return category;
  }

  /**
   * What the check verifies.
   *
   * @return e.g. {@code control plane Namespace exists}
   */
  public String description() {
    return description;
  }

  /**
   * The hint anchor.
   *
   * @return e.g. {@code l5d-existence-ns}
   */
  public String hintAnchor() {
    return hintAnchor;
  }

  /**
   * The severity: a failed fatal check stops the run, an error fails it, a warning does not.
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }

  /**
   * Whether a failure is retried (every 5 seconds) until the run's retry deadline.
   *
   * @return true for Linkerd's retryable checks
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * Whether the real error is shown while retrying (otherwise "waiting for check to complete").
   *
   * @return true for Linkerd's surfaced-error checks
   */
  public boolean showsRetryError() {
    return showsRetryError;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Check c
        && category == c.category
        && description.equals(c.description)
        && hintAnchor.equals(c.hintAnchor)
        && severity == c.severity
        && retryable == c.retryable
        && showsRetryError == c.showsRetryError;
  }

  @Override
  public int hashCode() {
    return Objects.hash(category, description, hintAnchor, severity, retryable);
  }

  @Override
  public String toString() {
    return category.id()
        + ": "
        + description
        + " ["
        + severity
        + (retryable ? ", retryable" : "")
        + "]";
  }
}
