package io.meshsdk.cli;

import io.meshsdk.core.ConfigurationException;
import io.meshsdk.core.identity.IdentityCheck;
import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.ReportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mesh certs check}: runs Linkerd's {@code linkerd-identity} checks on certificate files and
 * prints them as {@code linkerd check} does.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Run Linkerd's linkerd-identity checks on a trust anchor bundle and an issuer certificate"
          + " and key, and print them as 'linkerd check' does.",
      "Exit code 0 when no check failed with an error (warnings included), 1 otherwise, 2 on bad"
          + " usage."
    })
final class CertsCheckCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trust-anchors",
      required = true,
      paramLabel = "FILE",
      description = "PEM bundle of trust anchors (e.g. ca.crt)")
  private Path trustAnchors;

  @Option(
      names = "--issuer-cert",
      required = true,
      paramLabel = "FILE",
      description = "PEM issuer certificate, optionally followed by its chain (e.g. issuer.crt)")
  private Path issuerCert;

  @Option(
      names = "--issuer-key",
      required = true,
      paramLabel = "FILE",
      description = "PEM issuer private key: SEC1, PKCS#1 or PKCS#8, unencrypted")
  private Path issuerKey;

  @Option(
      names = "--now",
      paramLabel = "RFC3339",
      converter = CertsCommand.InstantConverter.class,
      description =
          "Check as of this time instead of the current time, e.g." + " 2026-01-01T00:00:00Z")
  private Instant now;

  @Option(
      names = "--horizon",
      paramLabel = "DURATION",
      converter = CertsCommand.DurationConverter.class,
      description =
          "Warn about certificates expiring within this time: 60d (default), 1440h,"
              + " 1d12h or ISO-8601 such as P90D")
  private Duration horizon = IdentityCheck.DEFAULT_HORIZON;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: table (default), json, short or junit")
  private String output = "table";

  @Override
  public Integer call() {
    ReportFormat format;
    try {
      format = ReportFormat.parse(output);
    } catch (ConfigurationException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Invalid value for option '--output': " + e.getMessage());
    }
    Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
    CategoryReport category =
        IdentityValidator.builder(clock)
            .horizon(horizon)
            .build()
            .validate(IdentitySource.ofFiles(trustAnchors, issuerCert, issuerKey));
    CheckReport report = CheckReport.of(List.of(category));
    spec.commandLine().getOut().print(format.render(report));
    spec.commandLine().getOut().flush();
    return report.success() ? MeshCommand.OK : MeshCommand.FAILED;
  }
}
