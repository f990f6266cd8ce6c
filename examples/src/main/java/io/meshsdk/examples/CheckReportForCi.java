package io.meshsdk.examples;

import io.meshsdk.checks.FailurePolicy;
import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A CI step for Linkerd's identity certificates: runs Linkerd's eight {@code linkerd-identity}
 * checks on the trust anchors and issuer files ({@link IdentityValidator}), writes a JUnit XML
 * report the CI system shows as tests ({@link ReportRenderer#junit(String)}), and fails (exit 1)
 * when a check fails or a certificate expires within 30 days ({@link
 * FailurePolicy#certificatesExpiringWithin(Duration)}). Time comes from the {@link Clock} given to
 * {@link #run}, so the test can stand on any day.
 *
 * <p>Replaces {@code linkerd check -o junit} with a 30-day horizon (linkerd2#9612), or {@code step
 * certificate inspect} and a date comparison in shell, on files instead of a cluster:
 *
 * <pre>
 * java io.meshsdk.examples.CheckReportForCi ca.crt issuer.crt issuer.key linkerd-identity.xml
 * </pre>
 */
public final class CheckReportForCi {
  /** Certificates expiring sooner than this fail the build. */
  public static final Duration HORIZON = Duration.ofDays(30);

  private CheckReportForCi() {}

  /**
   * Runs the program on the system clock and exits with its code.
   *
   * @param args {@code TRUST_ANCHORS ISSUER_CERT ISSUER_KEY REPORT_XML}
   */
  public static void main(String[] args) {
    System.exit(run(args, Clock.systemUTC(), System.out, System.err));
  }

  /**
   * Validates the certificates, writes the JUnit XML report and prints a summary.
   *
   * @param args {@code TRUST_ANCHORS ISSUER_CERT ISSUER_KEY REPORT_XML}
   * @param clock the time the certificates are judged at
   * @param out where the summary goes
   * @param err where errors go
   * @return 0 when every certificate is valid for at least 30 more days, 1 otherwise, 2 on bad
   *     usage
   */
  public static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
    if (args.length != 4) {
      err.println("usage: CheckReportForCi TRUST_ANCHORS ISSUER_CERT ISSUER_KEY REPORT_XML");
      return 2;
    }
    IdentityValidator validator = IdentityValidator.builder(clock).horizon(HORIZON).build();
    CategoryReport identity =
        validator.validate(
            IdentitySource.ofFiles(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])));
    CheckReport report = CheckReport.of(List.of(identity));
    try {
      Files.writeString(
          Path.of(args[3]),
          ReportRenderer.junit("linkerd-identity").render(report),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("error: cannot write the report " + args[3] + ": " + e.getMessage());
      return 1;
    }
    for (CheckResult r : report.failures()) { // errors and warnings, in Linkerd's order
      out.println(r.outcome() + ": " + r.description() + ": " + r.message().orElse(""));
    }
    boolean failed = FailurePolicy.certificatesExpiringWithin(HORIZON).fails(report);
    out.println(failed ? "FAILED: see " + args[3] : "certificates valid for at least 30 days");
    return failed ? 1 : 0;
  }
}
