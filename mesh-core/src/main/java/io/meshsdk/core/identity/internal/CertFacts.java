package io.meshsdk.core.identity.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The facts Go's {@code crypto/x509} knows about a certificate, computed once from its DER: raw
 * names, key identifiers, basic constraints, key usages, Go's algorithm names. Immutable.
 */
public final class CertFacts {
  /** Go's {@code KeyUsageCertSign} bit. */
  public static final int KEY_USAGE_CERT_SIGN = 1 << 5;

  static final String EKU_ANY = "2.5.29.37.0";
  static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private static final Map<String, String> SIGNATURE_NAMES =
      Map.ofEntries(
          Map.entry("1.2.840.113549.1.1.2", "MD2-RSA"),
          Map.entry("1.2.840.113549.1.1.4", "MD5-RSA"),
          Map.entry("1.2.840.113549.1.1.5", "SHA1-RSA"),
          Map.entry("1.3.14.3.2.29", "SHA1-RSA"),
          Map.entry("1.2.840.113549.1.1.11", "SHA256-RSA"),
          Map.entry("1.2.840.113549.1.1.12", "SHA384-RSA"),
          Map.entry("1.2.840.113549.1.1.13", "SHA512-RSA"),
          Map.entry("1.2.840.10040.4.3", "DSA-SHA1"),
          Map.entry("2.16.840.1.101.3.4.3.2", "DSA-SHA256"),
          Map.entry("1.2.840.10045.4.1", "ECDSA-SHA1"),
          Map.entry("1.2.840.10045.4.3.2", "ECDSA-SHA256"),
          Map.entry("1.2.840.10045.4.3.3", "ECDSA-SHA384"),
          Map.entry("1.2.840.10045.4.3.4", "ECDSA-SHA512"),
          Map.entry("1.3.101.112", "Ed25519"));

  private static final Map<String, String> PSS_HASHES =
      Map.of(
          "2.16.840.1.101.3.4.2.1", "SHA256",
          "2.16.840.1.101.3.4.2.2", "SHA384",
          "2.16.840.1.101.3.4.2.3", "SHA512");

  private static final Map<String, String> CURVES =
      Map.of(
          "1.3.132.0.33", "P-224",
          "1.2.840.10045.3.1.7", "P-256",
          "1.3.132.0.34", "P-384",
          "1.3.132.0.35", "P-521");

  /** Critical extensions Go's parser understands; any other critical one is "unhandled". */
  private static final Set<String> HANDLED_CRITICAL =
      Set.of(
          "2.5.29.15",
          "2.5.29.19",
          "2.5.29.17",
          "2.5.29.30",
          "2.5.29.31",
          "2.5.29.35",
          "2.5.29.37",
          "2.5.29.14",
          "2.5.29.32",
          "2.5.29.33",
          "2.5.29.36",
          "2.5.29.54",
          "1.3.6.1.5.5.7.1.1");

  private final X509Certificate certificate;
  private final byte[] raw;
  private final byte[] rawSubject;
  private final byte[] rawIssuer;
  private final int version;
  private final BigInteger serial;
  private final String commonName;
  private final String organization;
  private final Instant notBefore;
  private final Instant notAfter;
  private final boolean basicConstraintsValid;
  private final boolean ca;
  private final int maxPathLen;
  private final int keyUsage;
  private final List<String> extKeyUsages;
  private final byte[] subjectKeyId;
  private final byte[] authorityKeyId;
  private final boolean unhandledCritical;
  private final String publicKeyAlgorithm;
  private final String curve;
  private final int rsaBits;
  private final String signatureAlgorithm;
  private final List<String> dnsNames;

  private CertFacts(X509Certificate c, byte[] der) throws CertificateException {
    this.certificate = c;
    this.raw = der;
    Certificate bc = Certificate.getInstance(der);
    this.rawSubject = c.getSubjectX500Principal().getEncoded();
    this.rawIssuer = c.getIssuerX500Principal().getEncoded();
    this.version = c.getVersion();
    this.serial = c.getSerialNumber();
    X500Name subject = X500Name.getInstance(rawSubject);
    this.commonName = lastValue(subject, BCStyle.CN);
    this.organization = firstValue(subject, BCStyle.O);
    this.notBefore = c.getNotBefore().toInstant();
    this.notAfter = c.getNotAfter().toInstant();
    Extensions exts = bc.getTBSCertificate().getExtensions();
    this.basicConstraintsValid =
        exts != null && exts.getExtension(Extension.basicConstraints) != null;
    int bcLen = c.getBasicConstraints();
    this.ca = basicConstraintsValid && bcLen >= 0;
    this.maxPathLen = ca && bcLen != Integer.MAX_VALUE ? bcLen : -1;
    boolean[] ku = c.getKeyUsage();
    int usage = 0;
    if (ku != null) {
      for (int i = 0; i < Math.min(9, ku.length); i++) {
        usage |= ku[i] ? 1 << i : 0;
      }
    }
    this.keyUsage = usage;
    List<String> eku;
    try {
      eku = c.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw new CertificateException("x509: malformed extended key usage extension", e);
    }
    this.extKeyUsages = eku == null ? List.of() : List.copyOf(eku);
    SubjectKeyIdentifier skid = exts == null ? null : SubjectKeyIdentifier.fromExtensions(exts);
    this.subjectKeyId = skid == null ? new byte[0] : skid.getKeyIdentifier();
    AuthorityKeyIdentifier akid = exts == null ? null : AuthorityKeyIdentifier.fromExtensions(exts);
    this.authorityKeyId =
        akid == null || akid.getKeyIdentifierOctets() == null
            ? new byte[0]
            : akid.getKeyIdentifierOctets();
    Set<String> critical = c.getCriticalExtensionOIDs();
    this.unhandledCritical =
        critical != null && critical.stream().anyMatch(oid -> !HANDLED_CRITICAL.contains(oid));

    SubjectPublicKeyInfo spki = bc.getSubjectPublicKeyInfo();
    String keyOid = spki.getAlgorithm().getAlgorithm().getId();
    String curveName = null;
    int bits = 0;
    switch (keyOid) {
      case "1.2.840.113549.1.1.1":
        this.publicKeyAlgorithm = "RSA";
        try {
          bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
        } catch (java.io.IOException | IllegalArgumentException e) {
          throw new CertificateException("x509: invalid RSA public key", e);
        }
        break;
      case "1.2.840.10040.4.1":
        this.publicKeyAlgorithm = "DSA";
        break;
      case "1.2.840.10045.2.1":
        this.publicKeyAlgorithm = "ECDSA";
        ASN1Encodable params = spki.getAlgorithm().getParameters();
        curveName =
            params instanceof ASN1ObjectIdentifier
                ? CURVES.get(((ASN1ObjectIdentifier) params).getId())
                : null;
        if (curveName == null) {
          throw new CertificateException("x509: unsupported elliptic curve");
        }
        break;
      case "1.3.101.112":
        this.publicKeyAlgorithm = "Ed25519";
        break;
      default:
        this.publicKeyAlgorithm = "0";
    }
    this.curve = curveName;
    this.rsaBits = bits;
    this.signatureAlgorithm = signatureName(bc.getSignatureAlgorithm());
    this.dnsNames = dnsNames(c);
  }

  /**
   * Parses DER as Go's {@code x509.ParseCertificate} would accept it.
   *
   * @param der the DER bytes
   * @return the facts
   * @throws CertificateException with a Go-like message when the certificate cannot be parsed
   */
  public static CertFacts parse(byte[] der) throws CertificateException {
    X509Certificate c;
    try {
      c =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new CertificateException("x509: malformed certificate", e);
    }
    return of(c, der);
  }

  /**
   * The facts of a certificate object.
   *
   * @param c the certificate
   * @return the facts
   * @throws CertificateException when Go would not accept the certificate
   */
  public static CertFacts of(X509Certificate c) throws CertificateException {
    try {
      return of(c, c.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new CertificateException("x509: malformed certificate", e);
    }
  }

  private static CertFacts of(X509Certificate c, byte[] der) throws CertificateException {
    if (c.getSerialNumber().signum() < 0) {
      throw new CertificateException("x509: negative serial number");
    }
    try {
      return new CertFacts(c, der);
    } catch (RuntimeException e) {
      throw new CertificateException("x509: malformed certificate", e);
    }
  }

  private static String signatureName(AlgorithmIdentifier alg) {
    String oid = alg.getAlgorithm().getId();
    if (!PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(oid)) {
      return SIGNATURE_NAMES.getOrDefault(oid, "0");
    }
    try {
      RSASSAPSSparams p = RSASSAPSSparams.getInstance(alg.getParameters());
      String hash = PSS_HASHES.get(p.getHashAlgorithm().getAlgorithm().getId());
      AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
      AlgorithmIdentifier mgfHash = AlgorithmIdentifier.getInstance(mgf.getParameters());
      int hashLen = hash == null ? -1 : Integer.parseInt(hash.substring(3)) / 8;
      boolean ok =
          hash != null
              && PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
              && p.getHashAlgorithm().getAlgorithm().equals(mgfHash.getAlgorithm())
              && p.getSaltLength().intValue() == hashLen
              && p.getTrailerField().intValue() == 1
              && nullOrAbsent(p.getHashAlgorithm().getParameters());
      return ok ? hash + "-RSAPSS" : "0";
    } catch (RuntimeException e) {
      return "0";
    }
  }

  private static boolean nullOrAbsent(ASN1Encodable e) {
    return e == null || DERNull.INSTANCE.equals(e);
  }

  private static String lastValue(X500Name name, ASN1ObjectIdentifier type) {
    String last = "";
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        if (atv.getType().equals(type) && atv.getValue() instanceof ASN1String) {
          last = ((ASN1String) atv.getValue()).getString();
        }
      }
    }
    return last;
  }

  private static String firstValue(X500Name name, ASN1ObjectIdentifier type) {
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        if (atv.getType().equals(type) && atv.getValue() instanceof ASN1String) {
          return ((ASN1String) atv.getValue()).getString();
        }
      }
    }
    return "";
  }

  private static List<String> dnsNames(X509Certificate c) throws CertificateException {
    Collection<List<?>> sans = c.getSubjectAlternativeNames();
    if (sans == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (List<?> san : sans) {
      if (Integer.valueOf(2).equals(san.get(0))) {
        out.add(String.valueOf(san.get(1)));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The certificate.
   *
   * @return the JDK certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The DER encoding; callers must not modify it.
   *
   * @return the bytes
   */
  public byte[] raw() {
    return raw;
  }

  /**
   * The DER of the subject name, as encoded in the certificate.
   *
   * @return the bytes
   */
  public byte[] rawSubject() {
    return rawSubject;
  }

  /**
   * The DER of the issuer name, as encoded in the certificate.
   *
   * @return the bytes
   */
  public byte[] rawIssuer() {
    return rawIssuer;
  }

  /**
   * The X.509 version (1, 2 or 3).
   *
   * @return the version
   */
  public int version() {
    return version;
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
   * Go's {@code Subject.CommonName}: the last CN attribute, or empty.
   *
   * @return the common name
   */
  public String commonName() {
    return commonName;
  }

  /**
   * The first O attribute, or empty.
   *
   * @return the organization
   */
  public String organization() {
    return organization;
  }

  /**
   * Start of the validity period.
   *
   * @return the instant
   */
  public Instant notBefore() {
    return notBefore;
  }

  /**
   * End of the validity period.
   *
   * @return the instant
   */
  public Instant notAfter() {
    return notAfter;
  }

  /**
   * Whether the basic constraints extension is present.
   *
   * @return Go's {@code BasicConstraintsValid}
   */
  public boolean basicConstraintsValid() {
    return basicConstraintsValid;
  }

  /**
   * Whether the certificate is a CA.
   *
   * @return Go's {@code IsCA}
   */
  public boolean isCa() {
    return ca;
  }

  /**
   * The path length constraint, -1 when unlimited.
   *
   * @return Go's {@code MaxPathLen}
   */
  public int maxPathLen() {
    return maxPathLen;
  }

  /**
   * The key usage bits, Go's numbering; 0 when absent.
   *
   * @return the bits
   */
  public int keyUsage() {
    return keyUsage;
  }

  /**
   * The extended key usage OIDs; empty when the extension is absent.
   *
   * @return the OIDs
   */
  public List<String> extKeyUsages() {
    return extKeyUsages;
  }

  /**
   * The subject key identifier; empty when absent.
   *
   * @return the bytes
   */
  public byte[] subjectKeyId() {
    return subjectKeyId;
  }

  /**
   * The authority key identifier; empty when absent.
   *
   * @return the bytes
   */
  public byte[] authorityKeyId() {
    return authorityKeyId;
  }

  /**
   * Whether a critical extension Go does not understand is present.
   *
   * @return true when Go would report an unhandled critical extension
   */
  public boolean hasUnhandledCriticalExtension() {
    return unhandledCritical;
  }

  /**
   * Go's name of the public key algorithm: RSA, DSA, ECDSA, Ed25519, or {@code 0} when unknown.
   *
   * @return the name
   */
  public String publicKeyAlgorithm() {
    return publicKeyAlgorithm;
  }

  /**
   * Go's curve name for an ECDSA key (P-224, P-256, P-384, P-521).
   *
   * @return the curve, or null for other keys
   */
  public String curve() {
    return curve;
  }

  /**
   * The RSA modulus size.
   *
   * @return bits, or 0 for other keys
   */
  public int rsaBits() {
    return rsaBits;
  }

  /**
   * Go's name of the signature algorithm (e.g. ECDSA-SHA256, SHA256-RSA), or {@code 0}.
   *
   * @return the name
   */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /**
   * The DNS names of the subject alternative name extension.
   *
   * @return the names, in order
   */
  public List<String> dnsNames() {
    return dnsNames;
  }

  /**
   * The name Go's {@code UnknownAuthorityError} uses: the CN, else the first O, else {@code
   * serial:N}.
   *
   * @return the display name
   */
  public String displayName() {
    if (!commonName.isEmpty()) {
      return commonName;
    }
    return organization.isEmpty() ? "serial:" + serial : organization;
  }

  @Override
  public String toString() {
    return "certificate " + serial + " " + commonName;
  }
}
