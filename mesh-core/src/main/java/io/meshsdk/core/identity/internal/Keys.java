package io.meshsdk.core.identity.internal;

import io.meshsdk.core.identity.IdentityException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Private keys the way Linkerd's {@code DecodePEMKey} reads them, plus matching and encoding. */
public final class Keys {
  private static final Map<String, String> CURVES =
      Map.of(
          "1.3.132.0.33", "secp224r1",
          "1.2.840.10045.3.1.7", "secp256r1",
          "1.3.132.0.34", "secp384r1",
          "1.3.132.0.35", "secp521r1");
  private static final byte[] PROBE = "mesh-sdk key match probe".getBytes(StandardCharsets.UTF_8);

  private Keys() {}

  /**
   * Parses a key block as Linkerd does: {@code EC PRIVATE KEY} (SEC1), {@code RSA PRIVATE KEY}
   * (PKCS#1) or {@code PRIVATE KEY} (PKCS#8 holding an EC or RSA key).
   *
   * @param block the PEM block
   * @return the key
   * @throws IdentityException with Linkerd's or Go's message
   */
  public static PrivateKey parse(GoPem.Block block) {
    String procType = block.headers().getOrDefault("Proc-Type", "");
    if (procType.contains("ENCRYPTED")) {
      throw new IdentityException(
          "the "
              + GoPem.shownType(block.type())
              + " block is encrypted (Proc-Type: "
              + (procType.length() <= 32 && procType.matches("[0-9A-Za-z,-]*") ? procType : "…")
              + "); Linkerd needs an unencrypted private key");
    }
    try {
      switch (block.type()) {
        case "EC PRIVATE KEY":
          return parseSec1(block.bytes());
        case "RSA PRIVATE KEY":
          return parsePkcs1(block.bytes());
        case "PRIVATE KEY":
          return parsePkcs8(block.bytes());
        default:
          throw new IdentityException("unsupported block type: " + GoPem.shownType(block.type()));
      }
    } catch (IdentityException e) {
      throw e;
    } catch (RuntimeException e) {
      // the class, not only the finding: a lazily decoding ASN.1 accessor or a JCA key factory
      // that throws an unchecked exception on malformed DER is a parse failure like any other
      throw new IdentityException(
          "x509: failed to parse " + GoPem.shownType(block.type()).toLowerCase(Locale.ROOT));
    }
  }

  private static PrivateKey parseSec1(byte[] der) {
    org.bouncycastle.asn1.sec.ECPrivateKey sec1;
    ASN1Encodable params;
    try {
      // BouncyCastle decodes lazily: every accessor may throw on malformed DER (a parameters
      // field tagged implicitly instead of explicitly throws IllegalStateException)
      sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
      sec1.getKey();
      params = sec1.getParametersObject();
    } catch (RuntimeException e) {
      throw new IdentityException(
          looksLikePkcs8(der)
              ? "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key"
                  + " format)"
              : "x509: failed to parse EC private key");
    }
    String curve =
        params instanceof ASN1ObjectIdentifier
            ? CURVES.get(((ASN1ObjectIdentifier) params).getId())
            : null;
    if (curve == null) {
      throw new IdentityException("x509: unknown elliptic curve");
    }
    try {
      AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
      ap.init(new ECGenParameterSpec(curve));
      ECParameterSpec spec = ap.getParameterSpec(ECParameterSpec.class);
      return KeyFactory.getInstance("EC")
          .generatePrivate(new ECPrivateKeySpec(sec1.getKey(), spec));
    } catch (GeneralSecurityException e) {
      throw new IdentityException("x509: failed to parse EC private key");
    }
  }

  private static PrivateKey parsePkcs1(byte[] der) {
    try {
      org.bouncycastle.asn1.pkcs.RSAPrivateKey k =
          org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der);
      return KeyFactory.getInstance("RSA")
          .generatePrivate(
              new RSAPrivateCrtKeySpec(
                  k.getModulus(),
                  k.getPublicExponent(),
                  k.getPrivateExponent(),
                  k.getPrime1(),
                  k.getPrime2(),
                  k.getExponent1(),
                  k.getExponent2(),
                  k.getCoefficient()));
    } catch (RuntimeException | GeneralSecurityException e) {
      throw new IdentityException(
          looksLikePkcs8(der)
              ? "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key"
                  + " format)"
              : "x509: failed to parse RSA private key");
    }
  }

  private static PrivateKey parsePkcs8(byte[] der) {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(der);
      info.getPrivateKeyAlgorithm();
    } catch (RuntimeException e) {
      throw new IdentityException("x509: failed to parse private key");
    }
    String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
    String jca;
    switch (oid) {
      case "1.2.840.10045.2.1":
        ASN1Encodable params = info.getPrivateKeyAlgorithm().getParameters();
        if (!(params instanceof ASN1ObjectIdentifier)
            || !CURVES.containsKey(((ASN1ObjectIdentifier) params).getId())) {
          throw new IdentityException(
              "x509: failed to parse EC private key embedded in PKCS#8: x509: unknown elliptic"
                  + " curve");
        }
        jca = "EC";
        break;
      case "1.2.840.113549.1.1.1":
        jca = "RSA";
        break;
      case "1.3.101.112":
      case "1.3.101.110":
        throw new IdentityException(
            "unsupported PKCS#8 encoding ("
                + (oid.endsWith("112") ? "Ed25519" : "X25519")
                + " keys are not supported)");
      default:
        throw new IdentityException(
            "x509: PKCS#8 wrapping contained private key with unknown algorithm: " + oid);
    }
    try {
      return KeyFactory.getInstance(jca).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IdentityException("x509: failed to parse private key");
    }
  }

  private static boolean looksLikePkcs8(byte[] der) {
    try {
      PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether a private key belongs to a public key: same algorithm and parameters, and a probe
   * signature made with the private key verifies with the public key.
   *
   * @param key the private key
   * @param pub the public key, e.g. a certificate's
   * @return true when they form a pair
   */
  public static boolean matches(PrivateKey key, PublicKey pub) {
    try {
      if (key instanceof RSAPrivateKey && pub instanceof RSAPublicKey) {
        RSAPublicKey rsa = (RSAPublicKey) pub;
        if (!((RSAPrivateKey) key).getModulus().equals(rsa.getModulus())) {
          return false;
        }
        if (key instanceof RSAPrivateCrtKey) {
          BigInteger e = ((RSAPrivateCrtKey) key).getPublicExponent();
          return e.equals(rsa.getPublicExponent());
        }
        return probe("SHA256withRSA", key, pub);
      }
      if (key instanceof ECKey && pub instanceof ECPublicKey) {
        ECParameterSpec a = ((ECKey) key).getParams();
        ECParameterSpec b = ((ECPublicKey) pub).getParams();
        if (!a.getCurve().equals(b.getCurve()) || !a.getGenerator().equals(b.getGenerator())) {
          return false;
        }
        return probe("SHA256withECDSA", key, pub);
      }
      if (key.getAlgorithm().equals(pub.getAlgorithm())
          && (key.getAlgorithm().equals("EdDSA") || key.getAlgorithm().equals("Ed25519"))) {
        return probe("Ed25519", key, pub);
      }
      return false;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean probe(String alg, PrivateKey key, PublicKey pub)
      throws GeneralSecurityException {
    Signature s = Signature.getInstance(alg);
    s.initSign(key);
    s.update(PROBE);
    byte[] sig = s.sign();
    Signature v = Signature.getInstance(alg);
    v.initVerify(pub);
    v.update(PROBE);
    return v.verify(sig);
  }

  /**
   * The traditional encoding of a key: SEC1 {@code EC PRIVATE KEY} (with the named curve and, when
   * given, the public key) or PKCS#1 {@code RSA PRIVATE KEY}; PKCS#8 {@code PRIVATE KEY} for other
   * algorithms.
   *
   * @param key the private key
   * @param pub its public key, or null
   * @return the PEM type and the DER bytes
   */
  public static Map.Entry<String, byte[]> traditional(PrivateKey key, PublicKey pub) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
      if (oid.equals("1.2.840.113549.1.1.1")) {
        return Map.entry(
            "RSA PRIVATE KEY",
            info.parsePrivateKey().toASN1Primitive().getEncoded(ASN1Encoding.DER));
      }
      if (oid.equals("1.2.840.10045.2.1") && key instanceof ECKey) {
        ASN1ObjectIdentifier curve =
            (ASN1ObjectIdentifier) info.getPrivateKeyAlgorithm().getParameters();
        java.security.interfaces.ECPrivateKey ec = (java.security.interfaces.ECPrivateKey) key;
        int orderBits = ec.getParams().getOrder().bitLength();
        ASN1BitString point =
            pub == null
                ? null
                : SubjectPublicKeyInfo.getInstance(pub.getEncoded()).getPublicKeyData();
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
            new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, ec.getS(), point, curve);
        return Map.entry("EC PRIVATE KEY", sec1.getEncoded(ASN1Encoding.DER));
      }
      return Map.entry("PRIVATE KEY", key.getEncoded());
    } catch (IOException | RuntimeException e) {
      throw new IdentityException("cannot encode the " + key.getAlgorithm() + " private key");
    }
  }
}
