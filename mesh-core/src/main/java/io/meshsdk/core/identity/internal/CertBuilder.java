package io.meshsdk.core.identity.internal;

import io.meshsdk.core.identity.CertificateSpec;
import io.meshsdk.core.identity.IdentityException;
import io.meshsdk.core.identity.KeyAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates key pairs and X.509 v3 certificates with BouncyCastle's builders and the JDK's crypto
 * providers (no provider is registered globally). Stateless.
 */
public final class CertBuilder {
  private CertBuilder() {}

  /**
   * Generates a key pair.
   *
   * @param algorithm the key type
   * @param random the randomness source
   * @return the key pair
   */
  public static KeyPair keyPair(KeyAlgorithm algorithm, SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.jcaName());
      if (algorithm.curve().isPresent()) {
        g.initialize(new ECGenParameterSpec(algorithm.curve().get()), random);
      } else if (algorithm.bits() > 0) {
        g.initialize(
            new RSAKeyGenParameterSpec(algorithm.bits(), RSAKeyGenParameterSpec.F4), random);
      } else {
        g.initialize(255, random);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IdentityException("cannot generate a " + algorithm + " key: " + e.getMessage(), e);
    }
  }

  /**
   * Creates a certificate.
   *
   * @param spec what to create
   * @param keyPair the subject's key pair
   * @param signer the issuing certificate, or null for a self-signed one
   * @param signerKey the issuing key (the subject's own key when self-signed)
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @param random the randomness source for the serial
   * @return the certificate
   */
  public static X509Certificate build(
      CertificateSpec spec,
      KeyPair keyPair,
      X509Certificate signer,
      PrivateKey signerKey,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random) {
    try {
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, spec.commonName()).build();
      X500Name issuer =
          signer == null
              ? subject
              : X500Name.getInstance(signer.getSubjectX500Principal().getEncoded());
      BigInteger serial = spec.serial().orElseGet(() -> new BigInteger(127, random).setBit(0));
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              serial,
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              keyPair.getPublic());
      b.addExtension(
          Extension.basicConstraints,
          true,
          spec.ca()
              ? (spec.pathLength() >= 0
                  ? new BasicConstraints(spec.pathLength())
                  : new BasicConstraints(true))
              : new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          spec.ca()
              ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
              : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (!spec.extendedKeyUsages().isEmpty()) {
        b.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                spec.extendedKeyUsages().stream()
                    .map(
                        oid ->
                            KeyPurposeId.getInstance(
                                new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid)))
                    .toArray(KeyPurposeId[]::new)));
      }
      if (!spec.dnsNames().isEmpty()) {
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new DERSequence(
                spec.dnsNames().stream()
                    .map(n -> new GeneralName(GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new)));
      }
      if (spec.keyIdentifiers()) {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(
            Extension.subjectKeyIdentifier,
            false,
            utils.createSubjectKeyIdentifier(keyPair.getPublic()));
        if (signer != null) {
          b.addExtension(
              Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(signer));
        }
      }
      PublicKey signerPublic = signer == null ? keyPair.getPublic() : signer.getPublicKey();
      String sigAlg = spec.signatureAlgorithm().orElseGet(() -> defaultSignature(signerPublic));
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder(sigAlg).build(signerKey)));
    } catch (GeneralSecurityException
        | OperatorCreationException
        | java.io.IOException
        | RuntimeException e) {
      throw new IdentityException(
          "cannot create certificate " + spec.commonName() + ": " + e.getMessage(), e);
    }
  }

  private static String defaultSignature(PublicKey signer) {
    if (signer instanceof ECKey) {
      int bits = ((ECKey) signer).getParams().getOrder().bitLength();
      return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
    if (signer.getAlgorithm().equals("RSA")) {
      return "SHA256withRSA";
    }
    return "Ed25519";
  }
}
