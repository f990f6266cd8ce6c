package io.meshsdk.core.identity;

import io.meshsdk.core.identity.internal.CertFacts;
import io.meshsdk.core.identity.internal.Keys;
import io.meshsdk.core.identity.internal.PemReader;
import io.meshsdk.core.internal.BoundedRead;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing certificates and private keys as PEM. Stateless and thread-safe.
 *
 * <p>The {@code decode…} methods read text the way Linkerd reads it from the cluster, quirks
 * included (see {@link #decodeCertificates(String)}). The {@code read…} methods read files strictly
 * and name the file and line in every error.
 */
public final class Pem {
  private Pem() {}

  /**
   * Decodes a certificate list exactly as Linkerd's {@code DecodePEMCertificates}: consecutive
   * {@code CERTIFICATE} blocks; the first block of another type silently ends the list; any bytes
   * left after the last block that hold no further block, even a single extra line break, give
   * {@code not a PEM certificate}; empty text gives an empty list.
   *
   * @param pem the PEM text
   * @return the certificates, possibly none
   * @throws IdentityException {@code not a PEM certificate} or the parse error
   */
  public static List<X509Certificate> decodeCertificates(String pem) {
    return PemReader.linkerdCertificates(pem).stream().map(CertFacts::certificate).toList();
  }

  /**
   * Decodes a private key exactly as Linkerd's {@code DecodePEMKey}: the first PEM block must be
   * {@code EC PRIVATE KEY} (SEC1), {@code RSA PRIVATE KEY} (PKCS#1) or {@code PRIVATE KEY} (PKCS#8
   * holding an EC or RSA key).
   *
   * @param pem the PEM text
   * @return the key
   * @throws IdentityException {@code not PEM-encoded}, {@code unsupported block type: 'X'} or a
   *     parse error; never with key material
   */
  public static PrivateKey decodePrivateKey(String pem) {
    return PemReader.linkerdKey(pem);
  }

  /**
   * Reads a certificate file strictly: at least one certificate, only {@code CERTIFICATE} blocks,
   * nothing after the last block (Linkerd would reject it); empty, binary (DER), truncated or
   * corrupted files are errors.
   *
   * @param file the file
   * @return the certificates, at least one
   * @throws IdentityException naming the file, the problem and the line
   */
  public static List<X509Certificate> readCertificates(Path file) {
    return PemReader.strictCertificates(read(file, "file " + file), "file " + file).stream()
        .map(CertFacts::certificate)
        .toList();
  }

  /**
   * Reads a private key file strictly: the first PEM block must be an unencrypted key Linkerd
   * accepts.
   *
   * @param file the file
   * @return the key
   * @throws IdentityException naming the file and the problem; never with key material
   */
  public static PrivateKey readPrivateKey(Path file) {
    return PemReader.strictKey(read(file, "file " + file), "file " + file);
  }

  static byte[] read(Path file, String label) {
    try {
      return BoundedRead.readFile(file, BoundedRead.SMALL_FILE_LIMIT);
    } catch (BoundedRead.TooLargeException e) {
      throw new IdentityException(label + ": " + e.getMessage() + " (not a certificate or key)");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IdentityException(label + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IdentityException(label + ": permission denied");
    } catch (IOException e) {
      throw new IdentityException(
          label
              + ": cannot be read ("
              + e.getClass().getSimpleName()
              + ("is a folder".equals(e.getMessage()) ? ": is a folder" : "")
              + ")");
    }
  }

  /**
   * Whether a private key belongs to a certificate.
   *
   * @param key the private key
   * @param certificate the certificate
   * @return true when the key is the certificate's private key
   */
  public static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    return Keys.matches(key, certificate.getPublicKey());
  }

  /**
   * Encodes one certificate as PEM.
   *
   * @param certificate the certificate
   * @return {@code -----BEGIN CERTIFICATE-----} … with a final line break
   */
  public static String encodeCertificate(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IdentityException("cannot encode certificate " + certificate.getSerialNumber(), e);
    }
  }

  /**
   * Encodes certificates as one PEM bundle, in order, each block ending with one line break (what
   * Linkerd accepts).
   *
   * @param certificates the certificates
   * @return the concatenated PEM blocks
   */
  public static String encodeCertificates(List<X509Certificate> certificates) {
    StringBuilder b = new StringBuilder();
    certificates.forEach(c -> b.append(encodeCertificate(c)));
    return b.toString();
  }

  /**
   * Encodes a private key as PEM.
   *
   * @param key the key
   * @param publicKey its public key (written into SEC1 EC keys, as OpenSSL does), or null
   * @param format traditional (SEC1/PKCS#1) or PKCS#8
   * @return the PEM text with a final line break
   */
  public static String encodePrivateKey(PrivateKey key, PublicKey publicKey, KeyFormat format) {
    if (format == KeyFormat.PKCS8) {
      return encode("PRIVATE KEY", key.getEncoded());
    }
    Map.Entry<String, byte[]> t = Keys.traditional(key, publicKey);
    return encode(t.getKey(), t.getValue());
  }

  /**
   * Encodes DER bytes as one PEM block with 64-character lines.
   *
   * @param type the block type, e.g. {@code CERTIFICATE}
   * @param der the content
   * @return the block with a final line break
   */
  public static String encode(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
