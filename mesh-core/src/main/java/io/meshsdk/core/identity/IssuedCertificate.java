package io.meshsdk.core.identity;

import io.meshsdk.core.internal.go.GoTime;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate with its key pair, as {@link CertificateAuthority} creates it.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the private key.
 */
public final class IssuedCertificate {
  private final X509Certificate certificate;
  private final KeyPair keyPair;

  /**
   * Pairs a certificate with its keys.
   *
   * @param certificate the certificate
   * @param keyPair its key pair
   * @throws IdentityException when the private key does not belong to the certificate
   */
  public IssuedCertificate(X509Certificate certificate, KeyPair keyPair) {
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.keyPair = Objects.requireNonNull(keyPair, "key pair");
    if (!Pem.keyMatches(keyPair.getPrivate(), certificate)) {
      throw new IdentityException(
          "the private key does not belong to certificate " + certificate.getSerialNumber());
    }
  }

  /**
   * The certificate.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The private key.
   *
   * @return the key
   */
  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  /**
   * The key pair.
   *
   * @return the key pair
   */
  public KeyPair keyPair() {
    return keyPair;
  }

  /**
   * The certificate as PEM.
   *
   * @return one {@code CERTIFICATE} block
   */
  public String certificatePem() {
    return Pem.encodeCertificate(certificate);
  }

  /**
   * The private key as PEM in the traditional format (SEC1 {@code EC PRIVATE KEY} for EC keys, as
   * {@code step} writes it).
   *
   * @return the key PEM
   */
  public String privateKeyPem() {
    return privateKeyPem(KeyFormat.TRADITIONAL);
  }

  /**
   * The private key as PEM.
   *
   * @param format traditional or PKCS#8
   * @return the key PEM
   */
  public String privateKeyPem(KeyFormat format) {
    return Pem.encodePrivateKey(keyPair.getPrivate(), keyPair.getPublic(), format);
  }

  @Override
  public String toString() {
    return "IssuedCertificate["
        + certificate.getSubjectX500Principal().getName()
        + ", serial "
        + certificate.getSerialNumber()
        + ", expires "
        + GoTime.rfc3339(certificate.getNotAfter().toInstant())
        + "]";
  }
}
