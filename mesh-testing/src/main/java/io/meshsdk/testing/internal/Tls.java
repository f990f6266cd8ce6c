package io.meshsdk.testing.internal;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.CertificateSpec;
import io.meshsdk.core.identity.IssuedCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The HTTPS material: a CA from mesh-core's {@link CertificateAuthority} and a server leaf. */
public final class Tls {
  private final IssuedCertificate ca;
  private final SSLContext serverContext;

  private Tls(IssuedCertificate ca, SSLContext serverContext) {
    this.ca = ca;
    this.serverContext = serverContext;
  }

  /**
   * Creates a CA and a server certificate for {@code localhost}, valid for a day.
   *
   * @param clock the clock of the validity window
   * @return the material
   */
  public static Tls create(Clock clock) {
    CertificateAuthority authority = CertificateAuthority.create(clock);
    IssuedCertificate ca = authority.createTrustAnchor(Duration.ofDays(2), "mesh-testing CA");
    IssuedCertificate leaf =
        authority.issue(
            CertificateSpec.builder("localhost")
                .leaf()
                .dnsNames("localhost")
                .extendedKeyUsages(CertificateSpec.SERVER_AUTH)
                .validity(Duration.ofDays(1))
                .build(),
            ca);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pass = "mesh-testing".toCharArray();
      ks.setKeyEntry(
          "server",
          leaf.privateKey(),
          pass,
          new Certificate[] {leaf.certificate(), ca.certificate()});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pass);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return new Tls(ca, ctx);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS for the test API server: " + e, e);
    }
  }

  /**
   * The CA certificate (what a kubeconfig's {@code certificate-authority-data} carries).
   *
   * @return PEM text
   */
  public String caPem() {
    return ca.certificatePem();
  }

  /**
   * The server's TLS context.
   *
   * @return the context
   */
  public SSLContext serverContext() {
    return serverContext;
  }
}
