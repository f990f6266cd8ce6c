package io.meshsdk.examples;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.identity.Pem;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.ReportFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Creates Linkerd's identity certificates and rotates the issuer ({@link CertificateAuthority}),
 * then runs Linkerd's {@code linkerd-identity} checks on the files ({@link IdentityValidator}).
 *
 * <ul>
 *   <li>{@code generate DIR} writes a trust anchor ({@code ca.crt}, {@code ca.key}: ECDSA P-256, 10
 *       years) and an issuer signed by it ({@code issuer.crt}, {@code issuer.key}: 1 year), and
 *       refuses to overwrite files. Replaces {@code step certificate create
 *       root.linkerd.cluster.local ca.crt ca.key --profile root-ca ...} and {@code step certificate
 *       create identity.linkerd.cluster.local issuer.crt issuer.key --profile intermediate-ca ...}.
 *   <li>{@code rotate-issuer DIR} replaces {@code issuer.crt} and {@code issuer.key} with a new
 *       issuer signed by the same anchor. The trust root does not change, so no proxy needs a
 *       restart: apply the new issuer with {@code helm upgrade --set-file
 *       identity.issuer.tls.crtPEM=issuer.crt --set-file identity.issuer.tls.keyPEM=issuer.key}.
 * </ul>
 *
 * <pre>
 * java io.meshsdk.examples.Certificates generate|rotate-issuer DIR
 * </pre>
 */
public final class Certificates {
  private Certificates() {}

  /**
   * Runs the program on the system clock and exits with its code.
   *
   * @param args {@code generate|rotate-issuer DIR}
   */
  public static void main(String[] args) {
    System.exit(run(args, Clock.systemUTC(), System.out, System.err));
  }

  /**
   * Generates or rotates, then validates the files and prints Linkerd's table.
   *
   * @param args {@code generate|rotate-issuer DIR}
   * @param clock the time the certificates start at and are checked at
   * @param out where the report goes
   * @param err where errors go
   * @return 0 when the identity checks pass, 1 when they fail or a file cannot be used, 2 on bad
   *     usage
   */
  public static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
    if (args.length != 2 || !List.of("generate", "rotate-issuer").contains(args[0])) {
      err.println("usage: Certificates generate|rotate-issuer DIR");
      return 2;
    }
    Path dir = Path.of(args[1]);
    CertificateAuthority ca = CertificateAuthority.create(clock);
    boolean generate = args[0].equals("generate");
    StandardOpenOption mode = generate ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE;
    try {
      IssuedCertificate anchor;
      if (generate) {
        anchor = ca.createTrustAnchor();
        write(dir.resolve("ca.crt"), anchor.certificatePem(), mode);
        write(dir.resolve("ca.key"), anchor.privateKeyPem(), mode);
      } else {
        X509Certificate cert = Pem.readCertificates(dir.resolve("ca.crt")).get(0);
        anchor =
            new IssuedCertificate(
                cert, new KeyPair(cert.getPublicKey(), Pem.readPrivateKey(dir.resolve("ca.key"))));
      }
      IssuedCertificate issuer = ca.createIssuer(anchor);
      write(dir.resolve("issuer.crt"), issuer.certificatePem(), mode);
      write(dir.resolve("issuer.key"), issuer.privateKeyPem(), mode);

      CategoryReport report =
          IdentityValidator.builder(clock)
              .build()
              .validate(
                  IdentitySource.ofFiles(
                      dir.resolve("ca.crt"), dir.resolve("issuer.crt"), dir.resolve("issuer.key")));
      out.print(ReportFormat.TABLE.render(CheckReport.of(List.of(report))));
      out.println("issuer valid until " + issuer.certificate().getNotAfter().toInstant());
      out.println(
          "linkerd.io/trust-root-sha256: "
              + CertificateAuthority.trustRootSha256(Files.readString(dir.resolve("ca.crt"))));
      return report.success() ? 0 : 1;
    } catch (MeshException | IOException e) { // IdentityException names the file and line
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static void write(Path file, String pem, StandardOpenOption mode) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, pem, mode, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    if (file.toString().endsWith(".key")) { // private keys: owner only
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the user's folder is private already
      }
    }
  }
}
