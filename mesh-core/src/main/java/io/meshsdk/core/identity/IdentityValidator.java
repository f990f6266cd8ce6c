package io.meshsdk.core.identity;

import io.meshsdk.core.identity.internal.CertFacts;
import io.meshsdk.core.identity.internal.GoVerify;
import io.meshsdk.core.identity.internal.Keys;
import io.meshsdk.core.identity.internal.PemReader;
import io.meshsdk.core.internal.go.GoTime;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.HintUrls;
import io.meshsdk.core.report.Severity;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs Linkerd's {@code linkerd-identity} checks, and the webhook certificate checks, and returns
 * the results as data.
 *
 * <pre>{@code
 * IdentityValidator validator = IdentityValidator.builder(Clock.systemUTC()).build();
 * CategoryReport report = validator.validate(
 *     IdentitySource.ofFiles(Path.of("ca.crt"), Path.of("issuer.crt"), Path.of("issuer.key")));
 * }</pre>
 *
 * <p>The checks run in Linkerd's order ({@link IdentityCheck}); a failed fatal check stops the run,
 * as in {@code linkerd check}. Time comes only from the injected clock. Messages follow Linkerd: Go
 * algorithm names, RFC 3339 UTC dates, decimal serial numbers. Immutable and thread-safe.
 */
public final class IdentityValidator {
  private final Clock clock;
  private final Duration horizon;
  private final String hintBase;

  private IdentityValidator(Builder b) {
    this.clock = b.clock;
    this.horizon = b.horizon;
    this.hintBase = b.hintBase;
  }

  /**
   * Starts a validator.
   *
   * @param clock where "now" comes from
   * @return a builder with Linkerd's defaults: a 60-day horizon, hint base {@link
   *     HintUrls#DEFAULT_BASE}
   */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /**
   * A builder holding this validator's settings, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(clock).horizon(horizon).hintBase(hintBase);
  }

  /**
   * The expiry horizon.
   *
   * @return e.g. 60 days
   */
  public Duration horizon() {
    return horizon;
  }

  /**
   * Where "now" comes from.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The base the hint anchors of the results are appended to.
   *
   * @return e.g. {@link HintUrls#DEFAULT_BASE}
   */
  public String hintBase() {
    return hintBase;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityValidator v
        && clock.equals(v.clock)
        && horizon.equals(v.horizon)
        && hintBase.equals(v.hintBase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clock, horizon, hintBase);
  }

  /**
   * Runs the eight {@code linkerd-identity} checks.
   *
   * @param source where the material comes from
   * @return the category report; it ends at the first failed fatal check
   */
  public CategoryReport validate(IdentitySource source) {
    return validate(source, EnumSet.allOf(IdentityCheck.class));
  }

  /**
   * Runs some of the {@code linkerd-identity} checks, in their normal order. The material is always
   * loaded; when that fails, "certificate config is valid" is reported even if not selected, since
   * no other check can run.
   *
   * @param source where the material comes from
   * @param checks the checks to run and report
   * @return the category report; it ends at the first failed fatal check
   */
  public CategoryReport validate(IdentitySource source, Set<IdentityCheck> checks) {
    Objects.requireNonNull(source, "source");
    Instant now = clock.instant();
    CategoryReport.Builder report = CategoryReport.builder(IdentityCheck.CATEGORY);
    Loaded loaded;
    try {
      loaded = Loaded.of(source.load());
    } catch (IdentityException e) {
      report.add(result(IdentityCheck.CERTIFICATE_CONFIG, e.getMessage()));
      return report.build();
    }
    for (IdentityCheck check : IdentityCheck.values()) {
      if (!checks.contains(check)) {
        continue;
      }
      String failure = run(check, loaded, now);
      CheckResult r = result(check, failure);
      report.add(r);
      if (r.stopsRun()) {
        break;
      }
    }
    return report.build();
  }

  private String run(IdentityCheck check, Loaded m, Instant now) {
    switch (check) {
      case CERTIFICATE_CONFIG:
        return null;
      case ANCHORS_ALGORITHM:
        return list("Invalid trustAnchors:", m.anchors, IdentityValidator::anchorAlgorithmProblem);
      case ANCHORS_VALIDITY:
        return list("Invalid anchors:", m.anchors, a -> validityProblem(a, now));
      case ANCHORS_EXPIRY:
        return list("Anchors expiring soon:", m.anchors, a -> expiryProblem(a, now));
      case ISSUER_ALGORITHM:
        return prefixed("issuer certificate ", issuerAlgorithmProblem(m.issuer));
      case ISSUER_VALIDITY:
        return prefixed("issuer certificate is ", validityProblem(m.issuer, now));
      case ISSUER_EXPIRY:
        return prefixed("issuer certificate ", expiryProblem(m.issuer, now));
      default:
        return verify(m.issuer, m.anchors, m.chain, "", now);
    }
  }

  /**
   * Checks a webhook's (or the tap API server's) certificate as Linkerd's {@code
   * CheckCertAndAnchors} does: "… has valid cert" (fatal: every CA-bundle certificate within its
   * validity period, the leaf within its validity period, the leaf issued by the CA bundle with the
   * Secret's extra certificates as intermediates and valid for the target's DNS name) then "… valid
   * for at least 60 days" (warning: the Secret's chain certificates, then the leaf).
   *
   * @param target the webhook
   * @param caBundlePem the CA bundle ({@code webhooks[0].clientConfig.caBundle} or the APIService's
   *     {@code spec.caBundle}), decoded
   * @param certificatePem the Secret's certificate ({@code tls.crt}), leaf first
   * @param keyPem the Secret's key ({@code tls.key}); null to skip reading the key
   * @return the results in order; only the first when it failed (fatal)
   */
  public List<CheckResult> validateWebhook(
      WebhookTarget target, String caBundlePem, String certificatePem, String keyPem) {
    Instant now = clock.instant();
    List<CheckResult> out = new ArrayList<>();
    List<CertFacts> anchors;
    List<CertFacts> bundle;
    String failure;
    try {
      if (keyPem != null) {
        PrivateKey key = PemReader.linkerdKey(keyPem);
        bundle = certBundle(certificatePem);
        if (!Keys.matches(key, bundle.get(0).certificate().getPublicKey())) {
          throw new IdentityException("tls: Public and private key do not match");
        }
      } else {
        bundle = certBundle(certificatePem);
      }
      anchors = PemReader.linkerdCertificates(caBundlePem);
      failure =
          list("anchors not within their validity period:", anchors, a -> validityProblem(a, now));
      if (failure == null) {
        failure = prefixed("certificate is ", validityProblem(bundle.get(0), now));
      }
      if (failure == null) {
        failure =
            prefixed(
                "cert is not issued by the trust anchor: ",
                verify(
                    bundle.get(0),
                    anchors,
                    bundle.subList(1, bundle.size()),
                    target.dnsName(),
                    now));
      }
    } catch (IdentityException e) {
      failure = e.getMessage();
      bundle = null;
    }
    CheckResult valid =
        build(
            target.category(),
            target.validDescription(),
            target.validHintAnchor(),
            Severity.FATAL,
            failure);
    out.add(valid);
    if (valid.stopsRun()) {
      return out;
    }
    String expiring =
        list(
            "Anchors expiring soon:", bundle.subList(1, bundle.size()), a -> expiryProblem(a, now));
    if (expiring == null) {
      expiring = prefixed("certificate ", expiryProblem(bundle.get(0), now));
    }
    out.add(
        build(
            target.category(),
            target.expiryDescription(horizon),
            target.expiryHintAnchor(),
            Severity.WARNING,
            expiring));
    return out;
  }

  private static List<CertFacts> certBundle(String pem) {
    List<CertFacts> bundle = PemReader.linkerdCertificates(pem);
    if (bundle.isEmpty()) {
      throw new IdentityException("No certificates found");
    }
    return bundle;
  }

  private CheckResult result(IdentityCheck check, String failure) {
    return build(
        IdentityCheck.CATEGORY,
        check.description(horizon),
        check.hintAnchor(),
        check.severity(),
        failure);
  }

  private CheckResult build(
      String category, String description, String anchor, Severity severity, String failure) {
    CheckResult.Builder b =
        CheckResult.builder(category, description)
            .hintAnchor(anchor)
            .hintBase(hintBase)
            .severity(severity);
    return (failure == null ? b.passed() : b.failed(failure)).build();
  }

  private static String list(
      String title, List<CertFacts> certs, Function<CertFacts, String> problem) {
    List<String> items = new ArrayList<>();
    for (CertFacts c : certs) {
      String p = problem.apply(c);
      if (p != null) {
        items.add("* " + c.serial() + " " + c.commonName() + " " + p);
      }
    }
    return items.isEmpty() ? null : title + "\n\t" + String.join("\n\t", items);
  }

  private static String prefixed(String prefix, String problem) {
    return problem == null ? null : prefix + problem;
  }

  /** Linkerd's {@code CheckTrustAnchorAlgoRequirements} (HEAD). */
  static String anchorAlgorithmProblem(CertFacts a) {
    switch (a.publicKeyAlgorithm()) {
      case "ECDSA":
        if (!"P-256".equals(a.curve())) {
          return "must use P-256 curve for public key, instead " + a.curve() + " was used";
        }
        if (!a.signatureAlgorithm().equals("ECDSA-SHA256")
            && !a.signatureAlgorithm().equals("SHA256-RSA")) {
          return "must be signed by an ECDSA P-256 key, instead "
              + a.signatureAlgorithm()
              + " was used";
        }
        return null;
      case "RSA":
        if (a.rsaBits() != 2048 && a.rsaBits() != 4096) {
          return "RSA must use a 2048 or 4096 bit public key, instead "
              + a.rsaBits()
              + " bit public key was used";
        }
        if (!a.signatureAlgorithm().equals("SHA256-RSA")) {
          return "must be signed by an RSA 2048/4096 bit key, instead "
              + a.signatureAlgorithm()
              + " was used";
        }
        return null;
      default:
        return "trust anchor must use ECDSA or RSA for public key algorithm, instead "
            + a.publicKeyAlgorithm()
            + " was used";
    }
  }

  /** Linkerd's {@code CheckIssuerCertAlgoRequirements}. */
  static String issuerAlgorithmProblem(CertFacts c) {
    if (!c.publicKeyAlgorithm().equals("ECDSA")) {
      return "must use ECDSA for public key algorithm, instead "
          + c.publicKeyAlgorithm()
          + " was used";
    }
    if (!"P-256".equals(c.curve())) {
      return "must use P-256 curve for public key, instead " + c.curve() + " was used";
    }
    if (!c.signatureAlgorithm().equals("ECDSA-SHA256")
        && !c.signatureAlgorithm().equals("SHA256-RSA")) {
      return "must be signed by an ECDSA P-256 key, instead "
          + c.signatureAlgorithm()
          + " was used";
    }
    return null;
  }

  private static String validityProblem(CertFacts c, Instant now) {
    if (now.isBefore(c.notBefore())) {
      return "not valid before: " + GoTime.rfc3339(c.notBefore());
    }
    if (now.isAfter(c.notAfter())) {
      return "not valid anymore. Expired on " + GoTime.rfc3339(c.notAfter());
    }
    return null;
  }

  private String expiryProblem(CertFacts c, Instant now) {
    return now.plus(horizon).isAfter(c.notAfter())
        ? "will expire on " + GoTime.rfc3339(c.notAfter())
        : null;
  }

  /** Linkerd's {@code Cred.Verify}: Go's x509 verification plus the expiry suffix. */
  private static String verify(
      CertFacts leaf, List<CertFacts> roots, List<CertFacts> chain, String dnsName, Instant now) {
    try {
      GoVerify.verify(leaf, roots, chain, dnsName, now);
      return null;
    } catch (GoVerify.VerifyException e) {
      if (e.isExpiry()) {
        return e.getMessage()
            + " - Current Time : "
            + GoTime.string(now)
            + " - Invalid before "
            + GoTime.string(leaf.notBefore())
            + " - Invalid After "
            + GoTime.string(leaf.notAfter());
      }
      return e.getMessage();
    }
  }

  /** Material with the Go facts of every certificate. */
  private static final class Loaded {
    final List<CertFacts> anchors;
    final CertFacts issuer;
    final List<CertFacts> chain;

    private Loaded(List<CertFacts> anchors, CertFacts issuer, List<CertFacts> chain) {
      this.anchors = anchors;
      this.issuer = issuer;
      this.chain = chain;
    }

    static Loaded of(IdentityMaterial m) {
      return new Loaded(
          facts(m.trustAnchors()),
          facts(List.of(m.issuerCertificate())).get(0),
          facts(m.issuerChain()));
    }

    private static List<CertFacts> facts(List<X509Certificate> certs) {
      List<CertFacts> out = new ArrayList<>();
      for (X509Certificate c : certs) {
        try {
          out.add(CertFacts.of(c));
        } catch (CertificateException e) {
          throw new IdentityException(e.getMessage());
        }
      }
      return out;
    }
  }

  /** Builds an {@link IdentityValidator}. Not thread-safe. */
  public static final class Builder {
    private final Clock clock;
    private Duration horizon = IdentityCheck.DEFAULT_HORIZON;
    private String hintBase = HintUrls.DEFAULT_BASE;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sets the expiry horizon of the two "valid for at least …" checks; other values than 60 days
     * change their descriptions to name the horizon.
     *
     * @param horizon a positive duration
     * @return this builder
     * @throws IllegalArgumentException when the horizon is zero or negative
     */
    public Builder horizon(Duration horizon) {
      if (horizon.isNegative() || horizon.isZero()) {
        throw new IllegalArgumentException("the expiry horizon must be positive, not " + horizon);
      }
      this.horizon = horizon;
      return this;
    }

    /**
     * Sets the hint base, e.g. {@link HintUrls#baseForVersion(String)}.
     *
     * @param hintBase the base the hint anchors are appended to
     * @return this builder
     */
    public Builder hintBase(String hintBase) {
      this.hintBase = Objects.requireNonNull(hintBase, "hint base");
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the immutable validator
     */
    public IdentityValidator build() {
      return new IdentityValidator(this);
    }
  }
}
