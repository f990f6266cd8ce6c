package io.meshsdk.core.identity;

import io.meshsdk.core.internal.go.GoTime;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * A trust anchor rotation, as Linkerd's documentation describes it: distribute a bundle of the old
 * and new anchors, switch to an issuer signed by the new anchor, then drop the old anchors.
 *
 * <p>Created by {@link CertificateAuthority#planRotation}. Immutable and thread-safe; {@link
 * #toString()} and {@link #describe()} never show private keys.
 */
public final class RotationPlan {
  private final Instant createdAt;
  private final List<X509Certificate> keptAnchors;
  private final List<X509Certificate> droppedAnchors;
  private final X509Certificate currentIssuer;
  private final IssuedCertificate newTrustAnchor;
  private final IssuedCertificate newIssuer;

  RotationPlan(
      Instant createdAt,
      List<X509Certificate> keptAnchors,
      List<X509Certificate> droppedAnchors,
      X509Certificate currentIssuer,
      IssuedCertificate newTrustAnchor,
      IssuedCertificate newIssuer) {
    this.createdAt = createdAt;
    this.keptAnchors = List.copyOf(keptAnchors);
    this.droppedAnchors = List.copyOf(droppedAnchors);
    this.currentIssuer = currentIssuer;
    this.newTrustAnchor = newTrustAnchor;
    this.newIssuer = newIssuer;
  }

  /** One certificate of the plan and when it expires. */
  public static final class Expiry {
    private final String role;
    private final String subject;
    private final BigInteger serial;
    private final Instant notAfter;

    Expiry(String role, X509Certificate c) {
      this.role = role;
      this.subject = c.getSubjectX500Principal().getName(X500Principal.RFC2253);
      this.serial = c.getSerialNumber();
      this.notAfter = c.getNotAfter().toInstant();
    }

    /**
     * The certificate's role.
     *
     * @return {@code current trust anchor}, {@code new trust anchor}, {@code current issuer} or
     *     {@code new issuer}
     */
    public String role() {
      return role;
    }

    /**
     * The subject.
     *
     * @return e.g. {@code CN=root.linkerd.cluster.local}
     */
    public String subject() {
      return subject;
    }

    /**
     * The serial number.
     *
     * @return the serial
     */
    public BigInteger serial() {
      return serial;
    }

    /**
     * When the certificate expires.
     *
     * @return its notAfter
     */
    public Instant notAfter() {
      return notAfter;
    }

    @Override
    public String toString() {
      return role + " " + subject + " (serial " + serial + ") expires " + GoTime.rfc3339(notAfter);
    }
  }

  /**
   * The new trust anchor and its key.
   *
   * @return the anchor
   */
  public IssuedCertificate newTrustAnchor() {
    return newTrustAnchor;
  }

  /**
   * The new issuer, signed by the new trust anchor, and its key.
   *
   * @return the issuer
   */
  public IssuedCertificate newIssuer() {
    return newIssuer;
  }

  /**
   * The bundle to distribute first: the current anchors that have not expired, then the new one.
   *
   * @return the anchors in order
   */
  public List<X509Certificate> trustBundle() {
    List<X509Certificate> out = new ArrayList<>(keptAnchors);
    out.add(newTrustAnchor.certificate());
    return List.copyOf(out);
  }

  /**
   * The bundle as PEM, ready for {@code identityTrustAnchorsPEM}.
   *
   * @return the PEM text
   */
  public String trustBundlePem() {
    return Pem.encodeCertificates(trustBundle());
  }

  /**
   * The {@code linkerd.io/trust-root-sha256} value of the bundle.
   *
   * @return 64 hex digits
   */
  public String trustBundleSha256() {
    return CertificateAuthority.trustRootSha256(trustBundlePem());
  }

  /**
   * Current anchors left out of the bundle because they had already expired.
   *
   * @return the anchors
   */
  public List<X509Certificate> droppedAnchors() {
    return droppedAnchors;
  }

  /**
   * Every certificate involved, soonest expiry first.
   *
   * @return the expiries
   */
  public List<Expiry> expiries() {
    List<Expiry> out = new ArrayList<>();
    keptAnchors.forEach(a -> out.add(new Expiry("current trust anchor", a)));
    if (currentIssuer != null) {
      out.add(new Expiry("current issuer", currentIssuer));
    }
    out.add(new Expiry("new trust anchor", newTrustAnchor.certificate()));
    out.add(new Expiry("new issuer", newIssuer.certificate()));
    out.sort(Comparator.comparing(Expiry::notAfter));
    return List.copyOf(out);
  }

  /**
   * A readable summary: what expires when, and the steps.
   *
   * @return several lines of text
   */
  public String describe() {
    StringBuilder b =
        new StringBuilder("Trust anchor rotation planned at ")
            .append(GoTime.rfc3339(createdAt))
            .append('\n');
    for (Expiry e : expiries()) {
      b.append("  ").append(e).append('\n');
    }
    for (X509Certificate d : droppedAnchors) {
      b.append("  left out (already expired): ")
          .append(new Expiry("current trust anchor", d))
          .append('\n');
    }
    b.append("Steps:\n")
        .append("  1. Set identityTrustAnchorsPEM to the trust bundle (current and new anchors)")
        .append(" and restart the meshed workloads so every proxy trusts both.\n")
        .append("  2. Replace the issuer certificate and key with the new issuer")
        .append(" (signed by the new anchor).\n")
        .append("  3. Once every proxy holds a certificate from the new issuer, set")
        .append(" identityTrustAnchorsPEM to the new anchor alone and restart the workloads.\n");
    return b.toString();
  }

  @Override
  public String toString() {
    return "RotationPlan[new anchor "
        + newTrustAnchor
        + ", new issuer "
        + newIssuer
        + ", bundle of "
        + trustBundle().size()
        + "]";
  }
}
