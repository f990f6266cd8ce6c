package io.meshsdk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Linkerd's identity fixtures ({@code conformance/linkerd/identity}, Linkerd's cli/cmd/testdata)
 * with the outcomes of linkerd-checks.md §2.6, through all three input paths.
 */
class IdentityFixturesConformanceTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ALL_PASS = "√√√√√√√√";

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("valid", ALL_PASS, null),
        Arguments.of("valid-with-rsa-anchor", ALL_PASS, null),
        Arguments.of("wrong-domain", ALL_PASS, null),
        Arguments.of(
            "expired",
            "√√×",
            "Invalid anchors:\n\t* 1 identity.linkerd.cluster.local not valid anymore. Expired on"
                + " 1990-01-01T01:01:11Z"),
        Arguments.of(
            "not-valid-yet",
            "√√×",
            "Invalid anchors:\n\t* 1 identity.linkerd.cluster.local not valid before:"
                + " 2100-01-01T01:00:51Z"),
        Arguments.of(
            "wrong-algo",
            "√×",
            "Invalid trustAnchors:\n\t* 105728666109779431982556938376253961042"
                + " identity.linkerd.cluster.local must use P-256 curve for public key, instead"
                + " P-521 was used"));
  }

  private static Path dir() {
    return Conformance.resolve("linkerd", "identity");
  }

  private static String read(String name) throws Exception {
    return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
  }

  private static IdentityValidator validator(Instant now) {
    return IdentityValidator.builder(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  private static String symbols(CategoryReport r) {
    return r.results().stream()
        .map(c -> c.outcome() == Outcome.SUCCESS ? "√" : c.outcome() == Outcome.WARNING ? "‼" : "×")
        .collect(Collectors.joining());
  }

  @ParameterizedTest(name = "{0} from files")
  @MethodSource("fixtures")
  void should_reach_the_expected_outcome_from_files(String prefix, String symbols, String error) {
    CategoryReport report =
        validator(NOW)
            .validate(
                IdentitySource.ofFiles(
                    dir().resolve(prefix + "-trust-anchors.pem"),
                    dir().resolve(prefix + "-crt.pem"),
                    dir().resolve(prefix + "-key.pem")));

    assertOutcome(report, symbols, error);
  }

  @ParameterizedTest(name = "{0} from PEM text")
  @MethodSource("fixtures")
  void should_reach_the_expected_outcome_from_pem(String prefix, String symbols, String error)
      throws Exception {
    CategoryReport report =
        validator(NOW)
            .validate(
                IdentitySource.ofPem(
                    read(prefix + "-trust-anchors.pem"),
                    read(prefix + "-crt.pem"),
                    read(prefix + "-key.pem")));

    assertOutcome(report, symbols, error);
  }

  @ParameterizedTest(name = "{0} from linkerd-config and a kubernetes.io/tls Secret")
  @MethodSource("fixtures")
  void should_reach_the_expected_outcome_from_cluster_data(
      String prefix, String symbols, String error) throws Exception {
    IssuerSecret secret =
        IssuerSecret.of(
            "kubernetes.io/tls",
            java.util.Map.of(
                "ca.crt", read(prefix + "-trust-anchors.pem").getBytes(StandardCharsets.UTF_8),
                "tls.crt", read(prefix + "-crt.pem").getBytes(StandardCharsets.UTF_8),
                "tls.key", read(prefix + "-key.pem").getBytes(StandardCharsets.UTF_8)));
    CategoryReport report =
        validator(NOW)
            .validate(
                IdentitySource.ofLinkerdConfig(
                    "identity:\n  issuer:\n    scheme: kubernetes.io/tls\n", secret));

    assertOutcome(report, symbols, error);
  }

  private static void assertOutcome(CategoryReport report, String symbols, String error) {
    assertThat(symbols(report)).as(report.results().toString()).isEqualTo(symbols);
    assertThat(report.results())
        .extracting(CheckResult::description)
        .containsExactlyElementsOf(
            Stream.of(IdentityCheck.values())
                .limit(symbols.length())
                .map(IdentityCheck::description)
                .toList());
    if (error != null) {
      CheckResult last = report.results().get(report.results().size() - 1);
      assertThat(last.message()).contains(error);
      assertThat(last.stopsRun()).isTrue();
    }
  }

  @Test
  void should_warn_about_the_valid_fixture_60_days_before_it_expires() throws Exception {
    IdentitySource source =
        IdentitySource.ofPem(
            read("valid-trust-anchors.pem"), read("valid-crt.pem"), read("valid-key.pem"));

    CategoryReport before = validator(Instant.parse("2030-06-27T07:12:46Z")).validate(source);
    CategoryReport after = validator(Instant.parse("2030-06-27T07:13:48Z")).validate(source);

    assertThat(symbols(before)).isEqualTo(ALL_PASS);
    assertThat(symbols(after)).isEqualTo("√√√‼√√‼√");
    assertThat(after.success()).isTrue();
    assertThat(after.results().get(3).message().orElseThrow())
        .matches(
            "Anchors expiring soon:\n\t\\* \\d+ identity.linkerd.cluster.local will expire"
                + " on 2030-08-26T07:12:47Z");
    assertThat(after.results().get(6).message())
        .contains("issuer certificate will expire on 2030-08-26T07:13:47Z");
  }

  @Test
  void should_cover_every_fixture_file() throws Exception {
    List<String> prefixes = fixtures().map(a -> (String) a.get()[0]).toList();
    try (Stream<Path> files = Files.list(dir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(
              n ->
                  prefixes.stream()
                      .anyMatch(
                          p ->
                              n.startsWith(p + "-")
                                  && n.substring(p.length() + 1)
                                      .matches("crt\\.pem|key\\.pem|trust-anchors\\.pem")));
    }
  }
}
