package io.meshsdk.core.identity;

/** How a private key is written as PEM. */
public enum KeyFormat {
  /**
   * The algorithm's own structure: SEC1 {@code EC PRIVATE KEY} for EC keys, PKCS#1 {@code RSA
   * PRIVATE KEY} for RSA keys (what {@code step} and Linkerd's documentation produce); PKCS#8 for
   * other algorithms.
   */
  TRADITIONAL,
  /** PKCS#8 {@code PRIVATE KEY}. */
  PKCS8
}
