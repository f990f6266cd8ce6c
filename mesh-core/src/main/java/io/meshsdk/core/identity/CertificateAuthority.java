package io.meshsdk.core.identity;

import io.meshsdk.core.identity.internal.CertBuilder;
import io.meshsdk.core.internal.go.GoTime;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Creates Linkerd trust anchors and issuers, so that no external {@code step} CLI is needed, and
 * plans anchor rotations.
 *
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.create(Clock.systemUTC());
 * IssuedCertificate anchor = ca.createTrustAnchor();       // ECDSA P-256 root CA, 10 years
 * IssuedCertificate issuer = ca.createIssuer(anchor);      // ECDSA P-256 CA, pathlen 0, 1 year
 * String anchorsPem = anchor.certificatePem();             // identityTrustAnchorsPEM
 * }</pre>
 *
 * <p>Certificates start one minute before the clock's "now" (tolerating small clock skew between
 * this machine and the cluster) and carry CA:TRUE, keyCertSign and cRLSign, and subject and
 * authority key identifiers, so that Linkerd, Go's {@code x509} and {@code openssl verify
 * -x509_strict} accept them. Thread-safe; time comes only from the injected clock.
 */
public final class CertificateAuthority {
  /** Default CN of a trust anchor, as in Linkerd's documentation. */
  public static final String DEFAULT_ANCHOR_NAME = "root.linkerd.cluster.local";

  /** Default CN of an issuer: {@code identity.<control-plane namespace>.<trust domain>}. */
  public static final String DEFAULT_ISSUER_NAME = "identity.linkerd.cluster.local";

  /** Default trust anchor lifetime: 10 years (3650 days). */
  public static final Duration DEFAULT_ANCHOR_VALIDITY = Duration.ofDays(3650);

  /** Default issuer lifetime: 1 year (365 days). */
  public static final Duration DEFAULT_ISSUER_VALIDITY = Duration.ofDays(365);

  /** How far before "now" generated certificates start. */
  public static final Duration BACKDATE = Duration.ofMinutes(1);

  private final Clock clock;
  private final SecureRandom random;

  private CertificateAuthority(Clock clock, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * An authority using a new {@link SecureRandom}.
   *
   * @param clock where "now" comes from
   * @return the authority
   */
  public static CertificateAuthority create(Clock clock) {
    return new CertificateAuthority(clock, new SecureRandom());
  }

  /**
   * An authority using the given randomness source.
   *
   * @param clock where "now" comes from
   * @param random the randomness source for keys and serial numbers
   * @return the authority
   */
  public static CertificateAuthority create(Clock clock, SecureRandom random) {
    return new CertificateAuthority(clock, random);
  }

  /**
   * A trust anchor with the defaults: CN {@value #DEFAULT_ANCHOR_NAME}, ECDSA P-256, 10 years,
   * CA:TRUE with path length 1 (room for the issuer).
   *
   * @return the anchor and its key
   */
  public IssuedCertificate createTrustAnchor() {
    return createTrustAnchor(DEFAULT_ANCHOR_VALIDITY);
  }

  /**
   * A trust anchor with a chosen lifetime.
   *
   * @param validity the lifetime
   * @return the anchor and its key
   */
  public IssuedCertificate createTrustAnchor(Duration validity) {
    return createTrustAnchor(validity, DEFAULT_ANCHOR_NAME);
  }

  /**
   * A trust anchor with a chosen lifetime and common name.
   *
   * @param validity the lifetime
   * @param commonName the subject CN
   * @return the anchor and its key
   */
  public IssuedCertificate createTrustAnchor(Duration validity, String commonName) {
    return issue(
        CertificateSpec.builder(commonName).ca(1).validity(validity).notBefore(start()).build(),
        null);
  }

  /**
   * An issuer with the defaults: CN and DNS name {@value #DEFAULT_ISSUER_NAME}, ECDSA P-256, 1
   * year, CA:TRUE with path length 0, signed by the anchor.
   *
   * @param anchor the signing trust anchor
   * @return the issuer and its key
   * @throws IdentityException when the issuer would outlive the anchor
   */
  public IssuedCertificate createIssuer(IssuedCertificate anchor) {
    return createIssuer(anchor, DEFAULT_ISSUER_VALIDITY);
  }

  /**
   * An issuer with a chosen lifetime.
   *
   * @param anchor the signing trust anchor
   * @param validity the lifetime
   * @return the issuer and its key
   * @throws IdentityException when the issuer would outlive the anchor
   */
  public IssuedCertificate createIssuer(IssuedCertificate anchor, Duration validity) {
    return createIssuer(anchor, validity, DEFAULT_ISSUER_NAME);
  }

  /**
   * An issuer with a chosen lifetime and name, e.g. {@code identity.<namespace>.<trust domain>} for
   * a control plane outside {@code linkerd} or a trust domain other than {@code cluster.local}.
   *
   * @param anchor the signing trust anchor
   * @param validity the lifetime
   * @param commonName the subject CN, also written as DNS name
   * @return the issuer and its key
   * @throws IdentityException when the issuer would outlive the anchor
   */
  public IssuedCertificate createIssuer(
      IssuedCertificate anchor, Duration validity, String commonName) {
    return issue(
        CertificateSpec.builder(commonName)
            .ca(0)
            .dnsNames(commonName)
            .validity(validity)
            .notBefore(start())
            .build(),
        anchor);
  }

  /**
   * Creates any certificate: a new key pair of the spec's type, signed by the signer (or
   * self-signed).
   *
   * @param spec what to create
   * @param signer the issuing certificate and key, or null for a self-signed certificate
   * @return the certificate and its key
   * @throws IdentityException when a CA-signed certificate would outlive its signer, or creation
   *     fails
   */
  public IssuedCertificate issue(CertificateSpec spec, IssuedCertificate signer) {
    Instant notBefore = spec.notBefore().orElseGet(this::now);
    Instant notAfter = spec.notAfter().orElseGet(() -> notBefore.plus(spec.validity()));
    if (signer != null
        && spec.notAfter().isEmpty()
        && notAfter.isAfter(signer.certificate().getNotAfter().toInstant())) {
      throw new IdentityException(
          "the certificate "
              + spec.commonName()
              + " would expire on "
              + GoTime.rfc3339(notAfter)
              + ", after its signer "
              + signer.certificate().getSubjectX500Principal().getName()
              + " (expires "
              + GoTime.rfc3339(signer.certificate().getNotAfter().toInstant())
              + "); choose a shorter validity");
    }
    KeyPair keys = CertBuilder.keyPair(spec.keyAlgorithm(), random);
    X509Certificate cert =
        CertBuilder.build(
            spec,
            keys,
            signer == null ? null : signer.certificate(),
            signer == null ? keys.getPrivate() : signer.privateKey(),
            notBefore,
            notAfter,
            random);
    return new IssuedCertificate(cert, keys);
  }

  /**
   * Plans a trust anchor rotation with the default lifetimes: a new anchor, a bundle of the current
   * anchors that are still valid plus the new one, and a new issuer signed by the new anchor.
   *
   * @param currentAnchors the anchors in use (e.g. from {@code identityTrustAnchorsPEM})
   * @param currentIssuer the issuer in use, or null when not known
   * @return the plan
   */
  public RotationPlan planRotation(
      List<X509Certificate> currentAnchors, X509Certificate currentIssuer) {
    return planRotation(
        currentAnchors, currentIssuer, DEFAULT_ANCHOR_VALIDITY, DEFAULT_ISSUER_VALIDITY);
  }

  /**
   * Plans a trust anchor rotation.
   *
   * @param currentAnchors the anchors in use
   * @param currentIssuer the issuer in use, or null when not known
   * @param anchorValidity lifetime of the new anchor
   * @param issuerValidity lifetime of the new issuer
   * @return the plan
   */
  public RotationPlan planRotation(
      List<X509Certificate> currentAnchors,
      X509Certificate currentIssuer,
      Duration anchorValidity,
      Duration issuerValidity) {
    Instant now = clock.instant();
    // both certificates start at the same instant, so equal validities never make the issuer
    // outlive its anchor however long key generation takes
    CertificateAuthority at = new CertificateAuthority(Clock.fixed(now, ZoneOffset.UTC), random);
    IssuedCertificate newAnchor = at.createTrustAnchor(anchorValidity);
    IssuedCertificate newIssuer = at.createIssuer(newAnchor, issuerValidity);
    List<X509Certificate> kept = new ArrayList<>();
    List<X509Certificate> dropped = new ArrayList<>();
    for (X509Certificate a : currentAnchors) {
      (a.getNotAfter().toInstant().isBefore(now) ? dropped : kept).add(a);
    }
    return new RotationPlan(now, kept, dropped, currentIssuer, newAnchor, newIssuer);
  }

  /**
   * The value of the {@code linkerd.io/trust-root-sha256} annotation: the lower-case hex SHA-256 of
   * the anchors PEM text exactly as given (as in {@code identityTrustAnchorsPEM}).
   *
   * @param trustAnchorsPem the anchors PEM text
   * @return 64 hex digits
   */
  public static String trustRootSha256(String trustAnchorsPem) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(trustAnchorsPem.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private Instant start() {
    return now().minus(BACKDATE);
  }

  @Override
  public String toString() {
    return "CertificateAuthority[" + clock + "]";
  }
}
