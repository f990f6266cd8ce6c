package io.meshsdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.ReportRenderer;
import io.meshsdk.testing.Fault;
import io.meshsdk.testing.KubeApiServer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every API fault mode of the test server on the node list: the checks that list nodes fail with a
 * message that says what happened, and the run still finishes with every later category.
 */
class ApiFaultsTest {
  private static KubeApiServer server;

  @BeforeAll
  static void start() {
    server = KubeApiServer.builder().seed(HealthyCluster.yaml(3, 10, false)).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("403", Fault.forbidden(), "403"),
        Arguments.of("500", Fault.serverError(), "500"),
        Arguments.of("429", Fault.tooManyRequests(Duration.ofMillis(10)), "429"),
        Arguments.of("connection reset", Fault.connectionReset(), ""),
        Arguments.of("stall", Fault.stall(), ""),
        Arguments.of("truncated body", Fault.truncatedBody(), ""),
        Arguments.of("malformed body", Fault.malformedBody(), ""));
  }

  private static CheckReport run() {
    LiveCluster cluster =
        LiveCluster.builder()
            .kubeconfig(server.kubeconfig())
            .readTimeout(Duration.ofSeconds(1))
            .requestDeadline(Duration.ofSeconds(3))
            .retries(2, Duration.ofMillis(10))
            .build();
    return HealthChecker.builder()
        .preset(Preset.CORE)
        .retryDeadline(Duration.ZERO)
        .clock(Clock.fixed(HealthyCluster.NOW, ZoneOffset.UTC))
        .build()
        .run(cluster);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void should_turn_a_failed_node_list_into_the_checks_error_and_finish_the_run(
      String name, Fault fault, String status) {
    server.clearFaults();
    server.inject(fault.on("/api/v1/nodes"));
    CheckReport report;
    try {
      report = run();
    } finally {
      server.clearFaults();
    }

    String table = ReportRenderer.table().render(report);
    CheckResult cidrs =
        report.categories().stream()
            .flatMap(c -> c.results().stream())
            .filter(r -> r.description().equals("cluster networks contains all node podCIDRs"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(table));
    assertThat(cidrs.outcome()).as(table).isEqualTo(Outcome.ERROR);
    assertThat(cidrs.message())
        .hasValueSatisfying(
            m -> {
              assertThat(m).contains("/api/v1/nodes");
              assertThat(m).contains(status);
            });
    assertThat(report.categories())
        .extracting(c -> c.name())
        .as("the run goes on after the error")
        .contains(
            "linkerd-identity", "linkerd-webhooks-and-apisvc-tls", "linkerd-control-plane-proxy");
    assertThat(report.fatalFailure()).as(table).isEmpty();
  }

  @Test
  void should_pass_the_same_run_without_faults_and_only_read() {
    server.clearFaults();
    server.journal().clear();
    CheckReport report = run();

    assertThat(report.success()).as(ReportRenderer.table().render(report)).isTrue();
    assertThat(server.journal().size()).isPositive();
    assertThat(server.journal().mutations()).isEmpty();
  }

  @Test
  void should_only_review_access_and_dry_run_creates_before_install() {
    server.clearFaults();
    server.journal().clear();
    LiveCluster cluster = LiveCluster.builder().kubeconfig(server.kubeconfig()).build();
    HealthChecker.builder().preset(Preset.PRE).retryDeadline(Duration.ZERO).build().run(cluster);

    assertThat(server.journal().requests("POST", "/**"))
        .as("reviews and dry runs were sent")
        .isNotEmpty()
        .allSatisfy(
            j ->
                assertThat(
                        j.path().endsWith("/selfsubjectaccessreviews")
                            || j.queryParameter("dryRun").filter("All"::equals).isPresent())
                    .as(j.toString())
                    .isTrue());
    assertThat(server.journal().mutations()).isEmpty();
  }
}
