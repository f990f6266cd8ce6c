package io.meshsdk.core.identity;

import io.meshsdk.core.report.Severity;
import java.time.Duration;

/**
 * The eight checks of Linkerd's {@code linkerd-identity} category, in run order, with Linkerd's
 * descriptions, hint anchors and severities.
 */
public enum IdentityCheck {
  /** Reads and parses the anchors, the issuer certificate and key, and matches key and cert. */
  CERTIFICATE_CONFIG(
      "certificate config is valid", "l5d-identity-cert-config-valid", Severity.FATAL),
  /** Every anchor is ECDSA P-256 or RSA 2048/4096 with an accepted signature algorithm. */
  ANCHORS_ALGORITHM(
      "trust anchors are using supported crypto algorithm",
      "l5d-identity-trustAnchors-use-supported-crypto",
      Severity.FATAL),
  /** Every anchor is within its validity period. */
  ANCHORS_VALIDITY(
      "trust anchors are within their validity period",
      "l5d-identity-trustAnchors-are-time-valid",
      Severity.FATAL),
  /** No anchor expires within the horizon. */
  ANCHORS_EXPIRY(
      "trust anchors are valid for at least %s",
      "l5d-identity-trustAnchors-not-expiring-soon", Severity.WARNING),
  /** The issuer certificate is ECDSA P-256 signed with ECDSA-SHA256 or SHA256-RSA. */
  ISSUER_ALGORITHM(
      "issuer cert is using supported crypto algorithm",
      "l5d-identity-issuer-cert-uses-supported-crypto",
      Severity.FATAL),
  /** The issuer certificate is within its validity period. */
  ISSUER_VALIDITY(
      "issuer cert is within its validity period",
      "l5d-identity-issuer-cert-is-time-valid",
      Severity.FATAL),
  /** The issuer certificate does not expire within the horizon. */
  ISSUER_EXPIRY(
      "issuer cert is valid for at least %s",
      "l5d-identity-issuer-cert-not-expiring-soon", Severity.WARNING),
  /** The issuer certificate chains to an anchor under Go's {@code x509.Verify} rules. */
  ISSUER_ISSUED_BY_ANCHOR(
      "issuer cert is issued by the trust anchor",
      "l5d-identity-issuer-cert-issued-by-trust-anchor",
      Severity.ERROR);

  /** The category ID. */
  public static final String CATEGORY = "linkerd-identity";

  /** Linkerd's expiry horizon: 60 days. */
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(60);

  private final String description;
  private final String hintAnchor;
  private final Severity severity;

  IdentityCheck(String description, String hintAnchor, Severity severity) {
    this.description = description;
    this.hintAnchor = hintAnchor;
    this.severity = severity;
  }

  /**
   * Linkerd's description (the expiry checks name the default 60-day horizon).
   *
   * @return e.g. {@code trust anchors are valid for at least 60 days}
   */
  public String description() {
    return description(DEFAULT_HORIZON);
  }

  /**
   * The description for a horizon; only the two expiry checks depend on it.
   *
   * @param horizon the expiry horizon
   * @return e.g. {@code issuer cert is valid for at least 90 days}
   */
  public String description(Duration horizon) {
    return description.contains("%s")
        ? String.format(description, Durations.describe(horizon))
        : description;
  }

  /**
   * The hint anchor.
   *
   * @return e.g. {@code l5d-identity-cert-config-valid}
   */
  public String hintAnchor() {
    return hintAnchor;
  }

  /**
   * The severity: five checks are fatal, "issuer cert is issued by the trust anchor" is an error,
   * the two expiry checks are warnings.
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }
}
