package io.meshsdk.cli;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.Durations;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.linkerd.LinkerdNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mesh certs generate}: writes a new trust anchor and issuer for Linkerd, replacing the
 * external {@code step} CLI.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Write a new trust anchor (ca.crt, ca.key: ECDSA P-256 root CA) and issuer (issuer.crt,"
          + " issuer.key: ECDSA P-256 CA with path length 0, signed by the anchor) for Linkerd.",
      "Existing files are never overwritten; keys are written with mode 0600 where the file"
          + " system allows."
    })
final class CertsGenerateCommand implements Callable<Integer> {
  private static final List<String> FILES = List.of("ca.crt", "ca.key", "issuer.crt", "issuer.key");

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "Directory to write ca.crt, ca.key, issuer.crt and issuer.key into (created"
              + " when missing)")
  private Path out;

  @Option(
      names = "--anchor-validity",
      paramLabel = "DURATION",
      converter = CertsCommand.DurationConverter.class,
      description = "Lifetime of the trust anchor: 3650d (default), 87600h or ISO-8601")
  private Duration anchorValidity = CertificateAuthority.DEFAULT_ANCHOR_VALIDITY;

  @Option(
      names = "--issuer-validity",
      paramLabel = "DURATION",
      converter = CertsCommand.DurationConverter.class,
      description =
          "Lifetime of the issuer: 365d (default), 8760h or ISO-8601; at most the" + " anchor's")
  private Duration issuerValidity = CertificateAuthority.DEFAULT_ISSUER_VALIDITY;

  @Override
  public Integer call() {
    if (issuerValidity.compareTo(anchorValidity) > 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--issuer-validity ("
              + Durations.describe(issuerValidity)
              + ") must not exceed --anchor-validity ("
              + Durations.describe(anchorValidity)
              + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String name : FILES) {
      if (Files.exists(out.resolve(name))) {
        err.println(
            "mesh: "
                + out.resolve(name)
                + " already exists; refusing to overwrite"
                + " certificates and keys (remove the files or choose another --out)");
        return MeshCommand.FAILED;
      }
    }
    // one instant for both certificates: equal validities never make the issuer outlive its anchor
    CertificateAuthority ca =
        CertificateAuthority.create(Clock.fixed(Instant.now(), ZoneOffset.UTC));
    IssuedCertificate anchor = ca.createTrustAnchor(anchorValidity);
    IssuedCertificate issuer = ca.createIssuer(anchor, issuerValidity);
    try {
      Files.createDirectories(out);
      write("ca.crt", anchor.certificatePem(), false);
      write("ca.key", anchor.privateKeyPem(), true);
      write("issuer.crt", issuer.certificatePem(), false);
      write("issuer.key", issuer.privateKeyPem(), true);
    } catch (FileAlreadyExistsException e) {
      err.println("mesh: " + e.getFile() + " already exists; refusing to overwrite");
      return MeshCommand.FAILED;
    } catch (IOException e) {
      err.println(
          "mesh: cannot write into "
              + out
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
      return MeshCommand.FAILED;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("wrote " + out.resolve("ca.crt") + " (trust anchor " + describe(anchor) + ")");
    o.println("wrote " + out.resolve("ca.key"));
    o.println("wrote " + out.resolve("issuer.crt") + " (issuer " + describe(issuer) + ")");
    o.println("wrote " + out.resolve("issuer.key"));
    o.println(
        LinkerdNames.TRUST_ROOT_SHA256_ANNOTATION
            + ": "
            + CertificateAuthority.trustRootSha256(anchor.certificatePem()));
    o.flush();
    return MeshCommand.OK;
  }

  private static String describe(IssuedCertificate c) {
    return c.certificate().getSubjectX500Principal().getName()
        + ", ECDSA P-256, expires "
        + DateTimeFormatter.ISO_INSTANT.format(c.certificate().getNotAfter().toInstant());
  }

  private void write(String name, String text, boolean secret) throws IOException {
    Path file = out.resolve(name);
    if (secret && out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    }
  }
}
