package io.meshsdk.core.identity;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CertificateAuthority#issue} should create: subject, key type, validity, CA flags, key
 * identifiers, extended key usages and DNS names.
 *
 * <p>Immutable and thread-safe. Defaults: an ECDSA P-256 key, a CA certificate without path length
 * limit, keyCertSign and cRLSign key usages, subject and authority key identifiers, no extended key
 * usages, no DNS names, a random serial, validity from the authority's clock for one year.
 */
public final class CertificateSpec {
  /** The extended key usage serverAuth. */
  public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  /** The extended key usage clientAuth. */
  public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private final String commonName;
  private final KeyAlgorithm keyAlgorithm;
  private final String signatureAlgorithm;
  private final Instant notBefore;
  private final Instant notAfter;
  private final Duration validity;
  private final boolean ca;
  private final int pathLength;
  private final List<String> extendedKeyUsages;
  private final List<String> dnsNames;
  private final BigInteger serial;
  private final boolean keyIdentifiers;

  private CertificateSpec(Builder b) {
    this.commonName = b.commonName;
    this.keyAlgorithm = b.keyAlgorithm;
    this.signatureAlgorithm = b.signatureAlgorithm;
    this.notBefore = b.notBefore;
    this.notAfter = b.notAfter;
    this.validity = b.validity;
    this.ca = b.ca;
    this.pathLength = b.pathLength;
    this.extendedKeyUsages = List.copyOf(b.extendedKeyUsages);
    this.dnsNames = List.copyOf(b.dnsNames);
    this.serial = b.serial;
    this.keyIdentifiers = b.keyIdentifiers;
  }

  /**
   * Starts a spec.
   *
   * @param commonName the subject's CN, e.g. {@code root.linkerd.cluster.local}
   * @return a builder with the defaults
   */
  public static Builder builder(String commonName) {
    return new Builder(commonName);
  }

  /**
   * The subject CN.
   *
   * @return the common name
   */
  public String commonName() {
    return commonName;
  }

  /**
   * The type of the new key.
   *
   * @return the key algorithm
   */
  public KeyAlgorithm keyAlgorithm() {
    return keyAlgorithm;
  }

  /**
   * The JCA signature algorithm to sign with, when not the signer key's default.
   *
   * @return e.g. {@code SHA512withECDSA}, or empty for the default
   */
  public Optional<String> signatureAlgorithm() {
    return Optional.ofNullable(signatureAlgorithm);
  }

  /**
   * An explicit start of validity.
   *
   * @return the instant, or empty for "now"
   */
  public Optional<Instant> notBefore() {
    return Optional.ofNullable(notBefore);
  }

  /**
   * An explicit end of validity.
   *
   * @return the instant, or empty for start + {@link #validity()}
   */
  public Optional<Instant> notAfter() {
    return Optional.ofNullable(notAfter);
  }

  /**
   * The lifetime used when no explicit end is set.
   *
   * @return the duration
   */
  public Duration validity() {
    return validity;
  }

  /**
   * Whether the certificate is a CA.
   *
   * @return true for a CA
   */
  public boolean ca() {
    return ca;
  }

  /**
   * The path length constraint of a CA.
   *
   * @return the constraint, or -1 for none
   */
  public int pathLength() {
    return pathLength;
  }

  /**
   * The extended key usage OIDs.
   *
   * @return the OIDs; empty for no extension
   */
  public List<String> extendedKeyUsages() {
    return extendedKeyUsages;
  }

  /**
   * The DNS subject alternative names.
   *
   * @return the names; empty for no extension
   */
  public List<String> dnsNames() {
    return dnsNames;
  }

  /**
   * An explicit serial number.
   *
   * @return the serial, or empty for a random 127-bit serial
   */
  public Optional<BigInteger> serial() {
    return Optional.ofNullable(serial);
  }

  /**
   * Whether subject and authority key identifiers are written.
   *
   * @return true by default
   */
  public boolean keyIdentifiers() {
    return keyIdentifiers;
  }

  /**
   * A builder holding this spec's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(commonName);
    b.keyAlgorithm = keyAlgorithm;
    b.signatureAlgorithm = signatureAlgorithm;
    b.notBefore = notBefore;
    b.notAfter = notAfter;
    b.validity = validity;
    b.ca = ca;
    b.pathLength = pathLength;
    b.extendedKeyUsages.addAll(extendedKeyUsages);
    b.dnsNames.addAll(dnsNames);
    b.serial = serial;
    b.keyIdentifiers = keyIdentifiers;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateSpec s
        && commonName.equals(s.commonName)
        && keyAlgorithm == s.keyAlgorithm
        && Objects.equals(signatureAlgorithm, s.signatureAlgorithm)
        && Objects.equals(notBefore, s.notBefore)
        && Objects.equals(notAfter, s.notAfter)
        && validity.equals(s.validity)
        && ca == s.ca
        && pathLength == s.pathLength
        && extendedKeyUsages.equals(s.extendedKeyUsages)
        && dnsNames.equals(s.dnsNames)
        && Objects.equals(serial, s.serial)
        && keyIdentifiers == s.keyIdentifiers;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        commonName,
        keyAlgorithm,
        signatureAlgorithm,
        notBefore,
        notAfter,
        validity,
        ca,
        pathLength,
        extendedKeyUsages,
        dnsNames,
        serial,
        keyIdentifiers);
  }

  @Override
  public String toString() {
    return "CertificateSpec[CN="
        + commonName
        + ", "
        + keyAlgorithm
        + ", ca="
        + ca
        + ", pathLength="
        + pathLength
        + "]";
  }

  /** Builds a {@link CertificateSpec}. Not thread-safe. */
  public static final class Builder {
    private final String commonName;
    private KeyAlgorithm keyAlgorithm = KeyAlgorithm.EC_P256;
    private String signatureAlgorithm;
    private Instant notBefore;
    private Instant notAfter;
    private Duration validity = Duration.ofDays(365);
    private boolean ca = true;
    private int pathLength = -1;
    private final List<String> extendedKeyUsages = new ArrayList<>();
    private final List<String> dnsNames = new ArrayList<>();
    private BigInteger serial;
    private boolean keyIdentifiers = true;

    private Builder(String commonName) {
      this.commonName = Objects.requireNonNull(commonName, "common name");
    }

    /**
     * Sets the type of the new key.
     *
     * @param algorithm e.g. {@link KeyAlgorithm#EC_P256}
     * @return this builder
     */
    public Builder keyAlgorithm(KeyAlgorithm algorithm) {
      this.keyAlgorithm = Objects.requireNonNull(algorithm, "key algorithm");
      return this;
    }

    /**
     * Overrides the signature algorithm.
     *
     * @param jcaName e.g. {@code SHA512withECDSA}
     * @return this builder
     */
    public Builder signatureAlgorithm(String jcaName) {
      this.signatureAlgorithm = jcaName;
      return this;
    }

    /**
     * Sets the lifetime from the start of validity.
     *
     * @param validity a positive duration
     * @return this builder
     */
    public Builder validity(Duration validity) {
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalArgumentException("validity must be positive, not " + validity);
      }
      this.validity = validity;
      return this;
    }

    /**
     * Sets an explicit validity window.
     *
     * @param notBefore the start
     * @param notAfter the end, after the start
     * @return this builder
     */
    public Builder validFrom(Instant notBefore, Instant notAfter) {
      if (!notAfter.isAfter(notBefore)) {
        throw new IllegalArgumentException(
            "notAfter " + notAfter + " is not after notBefore " + notBefore);
      }
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    /**
     * Sets an explicit start of validity; the end is start + validity.
     *
     * @param notBefore the start
     * @return this builder
     */
    public Builder notBefore(Instant notBefore) {
      this.notBefore = notBefore;
      return this;
    }

    /**
     * Makes a CA certificate with an optional path length constraint.
     *
     * @param pathLength the constraint, or -1 for none
     * @return this builder
     */
    public Builder ca(int pathLength) {
      this.ca = true;
      this.pathLength = pathLength;
      return this;
    }

    /**
     * Makes an end-entity certificate (CA:FALSE, digitalSignature and keyEncipherment).
     *
     * @return this builder
     */
    public Builder leaf() {
      this.ca = false;
      this.pathLength = -1;
      return this;
    }

    /**
     * Adds extended key usages.
     *
     * @param oids e.g. {@link #SERVER_AUTH}
     * @return this builder
     */
    public Builder extendedKeyUsages(String... oids) {
      extendedKeyUsages.addAll(List.of(oids));
      return this;
    }

    /**
     * Adds DNS subject alternative names.
     *
     * @param names e.g. {@code linkerd-proxy-injector.linkerd.svc}
     * @return this builder
     */
    public Builder dnsNames(String... names) {
      dnsNames.addAll(List.of(names));
      return this;
    }

    /**
     * Sets the serial number.
     *
     * @param serial a positive number
     * @return this builder
     */
    public Builder serial(BigInteger serial) {
      this.serial = serial;
      return this;
    }

    /**
     * Whether to write subject and authority key identifiers (default true).
     *
     * @param write false to omit both
     * @return this builder
     */
    public Builder keyIdentifiers(boolean write) {
      this.keyIdentifiers = write;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the immutable spec
     */
    public CertificateSpec build() {
      return new CertificateSpec(this);
    }
  }
}
