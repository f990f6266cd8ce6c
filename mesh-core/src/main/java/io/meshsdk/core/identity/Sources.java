package io.meshsdk.core.identity;

import io.meshsdk.core.identity.internal.CertFacts;
import io.meshsdk.core.identity.internal.Keys;
import io.meshsdk.core.identity.internal.PemReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;

/** Helpers of {@link IdentitySource}. */
final class Sources {
  private Sources() {}

  static String secretKey(IssuerSecret secret, String key, String what, boolean external) {
    return secret
        .get(key)
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .orElseThrow(
            () ->
                new IdentityException(
                    "key "
                        + key
                        + " containing the "
                        + what
                        + " needs to exist in secret "
                        + IssuerSecret.NAME
                        + " if --identity-external-issuer="
                        + external));
  }

  /** Linkerd's ValidateAndCreateCreds followed by DecodePEMCertificates of the anchors. */
  static IdentityMaterial linkerdCreds(String anchorsPem, String crtPem, String keyPem) {
    PrivateKey key = PemReader.linkerdKey(keyPem);
    List<CertFacts> bundle;
    try {
      bundle = PemReader.linkerdCertificates(crtPem);
    } catch (IdentityException e) {
      throw new IdentityException("could not parse issuer certificate: " + e.getMessage());
    }
    if (bundle.isEmpty()) {
      throw new IdentityException("No certificates found");
    }
    if (!Keys.matches(key, bundle.get(0).certificate().getPublicKey())) {
      throw new IdentityException("tls: Public and private key do not match");
    }
    return material(PemReader.linkerdCertificates(anchorsPem), bundle, key);
  }

  static IdentityMaterial material(
      List<CertFacts> anchors, List<CertFacts> bundle, PrivateKey key) {
    return IdentityMaterial.builder()
        .trustAnchors(anchors.stream().map(CertFacts::certificate).toList())
        .issuerBundle(bundle.stream().map(CertFacts::certificate).toList())
        .issuerKey(key)
        .build();
  }
}
