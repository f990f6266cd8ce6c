package io.meshsdk.core.identity;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Certificates generated for tests with {@link CertificateAuthority} and a fixed clock. */
final class Generated {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final CertificateAuthority CA = CertificateAuthority.create(CLOCK);
  static final String ROOT = CertificateAuthority.DEFAULT_ANCHOR_NAME;
  static final String ISSUER = CertificateAuthority.DEFAULT_ISSUER_NAME;

  private static final Map<KeyAlgorithm, IssuedCertificate> ANCHORS =
      new EnumMap<>(KeyAlgorithm.class);

  private Generated() {}

  /** A self-signed anchor of the given key type, cached: RSA 4096 keys take a while. */
  static synchronized IssuedCertificate anchor(KeyAlgorithm alg) {
    return ANCHORS.computeIfAbsent(
        alg,
        a ->
            CA.issue(
                CertificateSpec.builder(ROOT)
                    .keyAlgorithm(a)
                    .ca(1)
                    .validity(Duration.ofDays(3650))
                    .build(),
                null));
  }

  static IssuedCertificate issue(CertificateSpec.Builder spec, IssuedCertificate signer) {
    return CA.issue(spec.build(), signer);
  }

  /** The default issuer: P-256, pathlen 0, 1 year. */
  static IssuedCertificate issuer(IssuedCertificate signer) {
    return CA.createIssuer(signer);
  }

  static CertificateSpec.Builder issuerSpec() {
    return CertificateSpec.builder(ISSUER).ca(0).dnsNames(ISSUER);
  }

  static IdentityValidator validator() {
    return IdentityValidator.builder(CLOCK).build();
  }

  /** Validates through PEM text, as the cluster path does. */
  static io.meshsdk.core.report.CategoryReport validate(
      List<IssuedCertificate> anchors,
      List<IssuedCertificate> issuerBundle,
      Set<IdentityCheck> only) {
    List<X509Certificate> a = new ArrayList<>();
    anchors.forEach(x -> a.add(x.certificate()));
    List<X509Certificate> b = new ArrayList<>();
    issuerBundle.forEach(x -> b.add(x.certificate()));
    IdentitySource source =
        IdentitySource.ofPem(
            Pem.encodeCertificates(a),
            Pem.encodeCertificates(b),
            issuerBundle.get(0).privateKeyPem());
    return only == null ? validator().validate(source) : validator().validate(source, only);
  }

  static io.meshsdk.core.report.CategoryReport validate(
      IssuedCertificate anchor, IssuedCertificate issuer) {
    return validate(List.of(anchor), List.of(issuer), null);
  }
}
