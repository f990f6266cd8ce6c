package io.meshsdk.checks;

import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a run counts as failed.
 *
 * <ul>
 *   <li>{@link #errors()} (Linkerd's rule and the default): a check failed with an error; warnings
 *       do not fail the run.
 *   <li>{@link #warnings()}: a check failed with an error or a warning.
 *   <li>{@link #certificatesExpiringWithin(Duration)}: an error, or any certificate (trust anchor,
 *       issuer, webhook or tap certificate) that expires within the horizon (linkerd2#9612). The
 *       certificate expiry checks then use that horizon instead of 60 days, and their descriptions
 *       name it.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class FailurePolicy {
  private static final FailurePolicy ERRORS = new FailurePolicy(false, null);
  private static final FailurePolicy WARNINGS = new FailurePolicy(true, null);

  private final boolean warningsFail;
  private final Duration certificateHorizon;

  private FailurePolicy(boolean warningsFail, Duration certificateHorizon) {
    this.warningsFail = warningsFail;
    this.certificateHorizon = certificateHorizon;
  }

  /**
   * Linkerd's rule: only errors fail a run.
   *
   * @return the policy
   */
  public static FailurePolicy errors() {
    return ERRORS;
  }

  /**
   * Errors and warnings fail a run.
   *
   * @return the policy
   */
  public static FailurePolicy warnings() {
    return WARNINGS;
  }

  /**
   * Errors fail a run, and so does any certificate that expires within the horizon.
   *
   * @param horizon e.g. 60 days; positive
   * @return the policy
   * @throws IllegalArgumentException when the horizon is zero or negative
   */
  public static FailurePolicy certificatesExpiringWithin(Duration horizon) {
    Objects.requireNonNull(horizon, "horizon");
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException(
          "the certificate horizon must be positive, not " + horizon);
    }
    return new FailurePolicy(false, horizon);
  }

  /**
   * The certificate horizon of {@link #certificatesExpiringWithin(Duration)}.
   *
   * @return the horizon, or empty for the other policies
   */
  public Optional<Duration> certificateHorizon() {
    return Optional.ofNullable(certificateHorizon);
  }

  /**
   * Whether warnings fail a run.
   *
   * @return true for {@link #warnings()}
   */
  public boolean warningsFail() {
    return warningsFail;
  }

  /**
   * Whether a report counts as failed under this policy.
   *
   * @param report a run's report
   * @return true when the run failed
   */
  public boolean fails(CheckReport report) {
    if (!report.success()) {
      return true;
    }
    for (CheckResult r : report.results()) {
      if (r.outcome() != Outcome.WARNING) {
        continue;
      }
      if (warningsFail || (certificateHorizon != null && isCertificateExpiry(r))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a result is one of the certificate expiry checks (trust anchors, issuer, webhooks,
   * tap): those whose hint anchor ends with {@code not-expiring-soon}.
   *
   * @param result a result
   * @return true for a certificate expiry check
   */
  public static boolean isCertificateExpiry(CheckResult result) {
    return result.hintAnchor().endsWith("not-expiring-soon");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FailurePolicy p
        && warningsFail == p.warningsFail
        && Objects.equals(certificateHorizon, p.certificateHorizon);
  }

  @Override
  public int hashCode() {
    return Objects.hash(warningsFail, certificateHorizon);
  }

  @Override
  public String toString() {
    return certificateHorizon != null
        ? "FailurePolicy[errors, certificates expiring within " + certificateHorizon + "]"
        : warningsFail ? "FailurePolicy[warnings]" : "FailurePolicy[errors]";
  }
}
