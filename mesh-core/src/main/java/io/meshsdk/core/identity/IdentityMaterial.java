package io.meshsdk.core.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parsed identity material: the trust anchors, the issuer certificate with the chain bundled after
 * it, and (optionally) the issuer's private key.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names certificates by serial and common name
 * and never shows the key.
 */
public final class IdentityMaterial {
  private final List<X509Certificate> trustAnchors;
  private final X509Certificate issuerCertificate;
  private final List<X509Certificate> issuerChain;
  private final PrivateKey issuerKey;

  private IdentityMaterial(Builder b) {
    this.trustAnchors = List.copyOf(b.trustAnchors);
    this.issuerCertificate = Objects.requireNonNull(b.issuerCertificate, "issuer certificate");
    this.issuerChain = List.copyOf(b.issuerChain);
    this.issuerKey = b.issuerKey;
  }

  /**
   * Starts building material.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this material, to derive a changed copy (e.g. another issuer key).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.trustAnchors.addAll(trustAnchors);
    b.issuerCertificate = issuerCertificate;
    b.issuerChain.addAll(issuerChain);
    b.issuerKey = issuerKey;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityMaterial m
        && trustAnchors.equals(m.trustAnchors)
        && issuerCertificate.equals(m.issuerCertificate)
        && issuerChain.equals(m.issuerChain)
        && Objects.equals(issuerKey, m.issuerKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(trustAnchors, issuerCertificate, issuerChain, issuerKey);
  }

  /**
   * The trust anchors (roots).
   *
   * @return an immutable list, possibly empty
   */
  public List<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  /**
   * The issuer certificate (the first certificate of the issuer's bundle).
   *
   * @return the certificate
   */
  public X509Certificate issuerCertificate() {
    return issuerCertificate;
  }

  /**
   * The certificates bundled after the issuer certificate; used as intermediates.
   *
   * @return an immutable list, possibly empty
   */
  public List<X509Certificate> issuerChain() {
    return issuerChain;
  }

  /**
   * The issuer's private key.
   *
   * @return the key, or empty when not known
   */
  public Optional<PrivateKey> issuerKey() {
    return Optional.ofNullable(issuerKey);
  }

  @Override
  public String toString() {
    return "IdentityMaterial[anchors="
        + names(trustAnchors)
        + ", issuer="
        + name(issuerCertificate)
        + ", chain="
        + names(issuerChain)
        + ", key="
        + (issuerKey == null ? "absent" : "present")
        + "]";
  }

  private static String names(List<X509Certificate> certs) {
    return certs.stream().map(IdentityMaterial::name).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String name(X509Certificate c) {
    return c.getSerialNumber() + " " + c.getSubjectX500Principal().getName();
  }

  /** Builds {@link IdentityMaterial}. Not thread-safe. */
  public static final class Builder {
    private final List<X509Certificate> trustAnchors = new ArrayList<>();
    private X509Certificate issuerCertificate;
    private final List<X509Certificate> issuerChain = new ArrayList<>();
    private PrivateKey issuerKey;

    private Builder() {}

    /**
     * Adds trust anchors.
     *
     * @param anchors the anchors, in bundle order
     * @return this builder
     */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      anchors.forEach(a -> trustAnchors.add(Objects.requireNonNull(a, "trust anchor")));
      return this;
    }

    /**
     * Sets the issuer certificate and its bundled chain.
     *
     * @param bundle the issuer certificate first, then its chain; must not be empty
     * @return this builder
     */
    public Builder issuerBundle(List<X509Certificate> bundle) {
      if (bundle.isEmpty()) {
        throw new IdentityException("No certificates found");
      }
      issuerCertificate = bundle.get(0);
      issuerChain.clear();
      issuerChain.addAll(bundle.subList(1, bundle.size()));
      return this;
    }

    /**
     * Sets the issuer certificate without a chain (the same as a bundle of one).
     *
     * @param certificate the issuer certificate
     * @return this builder
     */
    public Builder issuerCertificate(X509Certificate certificate) {
      return issuerBundle(List.of(Objects.requireNonNull(certificate, "issuer certificate")));
    }

    /**
     * Sets the issuer's private key.
     *
     * @param key the key, or null when not known
     * @return this builder
     */
    public Builder issuerKey(PrivateKey key) {
      issuerKey = key;
      return this;
    }

    /**
     * Builds the material.
     *
     * @return the immutable material
     * @throws NullPointerException when no issuer certificate was set
     */
    public IdentityMaterial build() {
      return new IdentityMaterial(this);
    }
  }
}
