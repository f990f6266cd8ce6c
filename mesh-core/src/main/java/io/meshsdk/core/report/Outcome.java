package io.meshsdk.core.report;

import java.util.Locale;

/** What happened when a check ran. */
public enum Outcome {
  /** The check passed. */
  SUCCESS,
  /** The check failed, but it is only a warning ({@link Severity#WARNING}). */
  WARNING,
  /** The check failed ({@link Severity#FATAL} or {@link Severity#ERROR}). */
  ERROR,
  /**
   * The check did not apply (Linkerd's {@code SkipError}): invisible in every rendering, counts as
   * a pass.
   */
  SKIPPED;

  /**
   * Whether the check failed, as a warning or an error.
   *
   * @return true for {@link #WARNING} and {@link #ERROR}
   */
  public boolean isFailure() {
    return this == WARNING || this == ERROR;
  }

  /**
   * The name Linkerd's JSON output uses: {@code success}, {@code warning}, {@code error} (and
   * {@code skipped}, which Linkerd never prints).
   *
   * @return the lower-case name
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
