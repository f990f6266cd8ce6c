package io.meshsdk.core.identity;

import java.util.Optional;

/** Key types {@link CertificateAuthority} can create. */
public enum KeyAlgorithm {
  /** ECDSA on P-256 (secp256r1): what Linkerd requires for issuers and accepts for anchors. */
  EC_P256("EC", "secp256r1", 0),
  /** ECDSA on P-384. */
  EC_P384("EC", "secp384r1", 0),
  /** ECDSA on P-521. */
  EC_P521("EC", "secp521r1", 0),
  /** RSA 2048 bits: accepted by Linkerd for anchors. */
  RSA_2048("RSA", null, 2048),
  /** RSA 3072 bits. */
  RSA_3072("RSA", null, 3072),
  /** RSA 4096 bits: accepted by Linkerd for anchors. */
  RSA_4096("RSA", null, 4096),
  /** Ed25519. */
  ED25519("Ed25519", null, 0);

  private final String jcaName;
  private final String curve;
  private final int bits;

  KeyAlgorithm(String jcaName, String curve, int bits) {
    this.jcaName = jcaName;
    this.curve = curve;
    this.bits = bits;
  }

  /**
   * The JCA key algorithm name.
   *
   * @return {@code EC}, {@code RSA} or {@code Ed25519}
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * The JCA curve name of an EC key.
   *
   * @return e.g. {@code secp256r1}, or empty for RSA and Ed25519
   */
  public Optional<String> curve() {
    return Optional.ofNullable(curve);
  }

  /**
   * The RSA modulus size.
   *
   * @return bits, or 0 for non-RSA keys
   */
  public int bits() {
    return bits;
  }
}
