package io.meshsdk.core.report;

/**
 * How much a failing check matters, as in {@code linkerd check}.
 *
 * <p>The severity belongs to the check, whether it passes or not; it decides the {@link Outcome} of
 * a failure and whether the run goes on.
 */
public enum Severity {
  /** A failure is an error and stops every remaining check. */
  FATAL,
  /** A failure is an error; later checks still run. */
  ERROR,
  /** A failure is only a warning: it does not fail the run. */
  WARNING;

  /**
   * The outcome of a failure of a check with this severity.
   *
   * @return {@link Outcome#WARNING} for {@link #WARNING}, else {@link Outcome#ERROR}
   */
  public Outcome failureOutcome() {
    return this == WARNING ? Outcome.WARNING : Outcome.ERROR;
  }
}
