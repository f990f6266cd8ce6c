package io.meshsdk.core.identity;

import io.meshsdk.core.identity.internal.CertFacts;
import io.meshsdk.core.identity.internal.Keys;
import io.meshsdk.core.identity.internal.PemReader;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;

/**
 * Where identity material comes from; loading it is the work of the check "certificate config is
 * valid".
 *
 * <p>Implementations are immutable and thread-safe; {@link #load()} may be called many times.
 */
@FunctionalInterface
public interface IdentitySource {

  /**
   * Reads and parses the material, and checks that the issuer key matches the issuer certificate.
   *
   * @return the material
   * @throws IdentityException with the message the check "certificate config is valid" reports
   */
  IdentityMaterial load();

  /**
   * Material already parsed; loading only checks that the key (if any) matches.
   *
   * @param material the material
   * @return the source
   */
  static IdentitySource of(IdentityMaterial material) {
    Objects.requireNonNull(material, "material");
    return () -> {
      material
          .issuerKey()
          .ifPresent(
              k -> {
                if (!Keys.matches(k, material.issuerCertificate().getPublicKey())) {
                  throw new IdentityException("tls: Public and private key do not match");
                }
              });
      return material;
    };
  }

  /**
   * PEM text, read as Linkerd reads it from the cluster (quirks and messages included, see {@link
   * Pem#decodeCertificates(String)}): the key is parsed first, then the issuer bundle, then the
   * anchors.
   *
   * @param trustAnchorsPem the anchors bundle
   * @param issuerCertificatePem the issuer certificate, optionally followed by its chain
   * @param issuerKeyPem the issuer's private key
   * @return the source
   */
  static IdentitySource ofPem(
      String trustAnchorsPem, String issuerCertificatePem, String issuerKeyPem) {
    Objects.requireNonNull(trustAnchorsPem, "trust anchors PEM");
    Objects.requireNonNull(issuerCertificatePem, "issuer certificate PEM");
    Objects.requireNonNull(issuerKeyPem, "issuer key PEM");
    return () -> Sources.linkerdCreds(trustAnchorsPem, issuerCertificatePem, issuerKeyPem);
  }

  /**
   * Files, read strictly (see {@link Pem#readCertificates(Path)}): every error names the file, and
   * a key that does not match the certificate is an error.
   *
   * @param trustAnchors the anchors file, e.g. {@code ca.crt}
   * @param issuerCertificate the issuer certificate file, e.g. {@code issuer.crt}
   * @param issuerKey the issuer key file, e.g. {@code issuer.key}
   * @return the source
   */
  static IdentitySource ofFiles(Path trustAnchors, Path issuerCertificate, Path issuerKey) {
    Objects.requireNonNull(trustAnchors, "trust anchors file");
    Objects.requireNonNull(issuerCertificate, "issuer certificate file");
    Objects.requireNonNull(issuerKey, "issuer key file");
    return () -> {
      String anchorsLabel = "trust anchors file " + trustAnchors;
      String crtLabel = "issuer certificate file " + issuerCertificate;
      String keyLabel = "issuer key file " + issuerKey;
      List<CertFacts> anchors =
          PemReader.strictCertificates(Pem.read(trustAnchors, anchorsLabel), anchorsLabel);
      List<CertFacts> bundle =
          PemReader.strictCertificates(Pem.read(issuerCertificate, crtLabel), crtLabel);
      PrivateKey key = PemReader.strictKey(Pem.read(issuerKey, keyLabel), keyLabel);
      if (!Keys.matches(key, bundle.get(0).certificate().getPublicKey())) {
        throw new IdentityException(
            "tls: Public and private key do not match: "
                + keyLabel
                + " does not hold the private key of the first certificate in "
                + crtLabel);
      }
      return Sources.material(anchors, bundle, key);
    };
  }

  /**
   * The cluster's data: the {@code values} of the {@code linkerd-config} ConfigMap and the {@code
   * linkerd-identity-issuer} Secret, read as Linkerd's check does. The configured {@code
   * identity.issuer.scheme} decides the Secret keys; a missing key gives Linkerd's message, e.g.
   * {@code key crt.pem containing the issuer certificate needs to exist in secret
   * linkerd-identity-issuer if --identity-external-issuer=false}.
   *
   * @param linkerdConfigValues the ConfigMap's {@code values} text; null when the ConfigMap does
   *     not exist
   * @param issuerSecret the issuer Secret; null when it does not exist
   * @return the source
   */
  static IdentitySource ofLinkerdConfig(String linkerdConfigValues, IssuerSecret issuerSecret) {
    return () -> {
      if (linkerdConfigValues == null) {
        throw new IdentityException(
            "configmaps \"" + LinkerdIdentityConfig.CONFIG_MAP + "\" not found");
      }
      LinkerdIdentityConfig config = LinkerdIdentityConfig.parse(linkerdConfigValues);
      if (issuerSecret == null) {
        throw new IdentityException("secrets \"" + IssuerSecret.NAME + "\" not found");
      }
      String anchors;
      String crt;
      String key;
      if (!config.externalIssuer()) {
        crt = Sources.secretKey(issuerSecret, "crt.pem", "issuer certificate", false);
        key = Sources.secretKey(issuerSecret, "key.pem", "issuer key", true);
        anchors = config.trustAnchorsPem();
      } else {
        anchors = Sources.secretKey(issuerSecret, "ca.crt", "trust anchors", true);
        crt = Sources.secretKey(issuerSecret, "tls.crt", "issuer certificate", true);
        key = Sources.secretKey(issuerSecret, "tls.key", "issuer key", true);
      }
      return Sources.linkerdCreds(anchors, crt, key);
    };
  }
}
