package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kubernetes.client.openapi.models.V1Node;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault mode ends in a {@link ClusterAccessException} with a clear message within the
 * configured timeout; retries show in the journal; nothing hangs.
 */
class LiveClusterFaultsTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(800);
  private static final Duration DEADLINE = Duration.ofSeconds(4);
  private static final int ATTEMPTS = 3;

  /** What no fault mode may exceed: the deadline plus one read timeout plus slack for a busy CI. */
  private static final Duration HANG_GUARD = DEADLINE.plus(READ_TIMEOUT).plusSeconds(10);

  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder().seedResource("seeds/cluster.yaml").build();

  private static LiveCluster cluster(KubeApiServer server) {
    return server
        .liveClusterBuilder()
        .readTimeout(READ_TIMEOUT)
        .requestDeadline(DEADLINE)
        .retries(ATTEMPTS, Duration.ofMillis(50))
        .build();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(Fault.serverError(), Failure.SERVER_ERROR, "500", true),
        Arguments.of(Fault.status(503), Failure.SERVER_ERROR, "503", true),
        Arguments.of(Fault.forbidden(), Failure.FORBIDDEN, "403", false),
        Arguments.of(
            Fault.tooManyRequests(Duration.ofMillis(100)), Failure.TOO_MANY_REQUESTS, "429", true),
        Arguments.of(Fault.connectionReset(), Failure.CONNECTION, "/api/v1/nodes", true),
        Arguments.of(Fault.stall(), Failure.TIMEOUT, "/api/v1/nodes", false),
        Arguments.of(Fault.truncatedBody(), null, "/api/v1/nodes", false),
        Arguments.of(Fault.malformedBody(), Failure.MALFORMED_RESPONSE, "/api/v1/nodes", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void should_end_every_fault_in_a_clear_cluster_access_exception(
      Fault fault, Failure problem, String inMessage, boolean retried, KubeApiServer server) {
    server.inject(fault.on("/api/v1/nodes"));
    LiveCluster cluster = cluster(server);

    ClusterAccessException e =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                catchThrowableOfType(
                    ClusterAccessException.class,
                    () -> cluster.list(ResourceKind.NODES, ListQuery.inAllNamespaces())));

    assertThat(e).as("a ClusterAccessException for " + fault).isNotNull();
    if (problem != null) {
      assertThat(e.failure()).isEqualTo(problem);
    }
    assertThat(e.getMessage())
        .contains(inMessage)
        .contains("/api/v1/nodes")
        .doesNotContain("mesh-testing-");
    List<JournalEntry> tries = server.journal().requests("GET", "/api/v1/nodes");
    if (retried) {
      assertThat(tries)
          .as("retries in the journal")
          .hasSizeGreaterThan(1)
          .hasSizeLessThanOrEqualTo(ATTEMPTS);
    }
    assertThat(tries).allSatisfy(t -> assertThat(t.fault()).isPresent());
  }

  @Test
  void should_retry_a_500_and_succeed(KubeApiServer server) {
    server.inject(Fault.serverError().on("/api/v1/nodes").times(1));

    List<V1Node> nodes = cluster(server).list(ResourceKind.NODES, ListQuery.inAllNamespaces());

    assertThat(nodes).hasSize(2);
    assertThat(server.journal().requests("GET", "/api/v1/nodes"))
        .extracting(JournalEntry::status)
        .containsExactly(500, 200);
  }

  @Test
  void should_honour_retry_after_and_succeed(KubeApiServer server) {
    server.inject(Fault.tooManyRequests(Duration.ofSeconds(1)).on("/api/v1/nodes").times(1));

    List<V1Node> nodes = cluster(server).list(ResourceKind.NODES, ListQuery.inAllNamespaces());

    assertThat(nodes).hasSize(2);
    assertThat(server.journal().requests("GET", "/api/v1/nodes"))
        .extracting(JournalEntry::status)
        .containsExactly(429, 200);
  }

  @Test
  void should_retry_a_reset_connection_and_succeed(KubeApiServer server) {
    server.inject(Fault.connectionReset().on("/api/v1/nodes").times(1));

    assertThat(cluster(server).list(ResourceKind.NODES, ListQuery.inAllNamespaces())).hasSize(2);
    assertThat(server.journal().requests("GET", "/api/v1/nodes")).hasSizeGreaterThan(1);
  }

  @Test
  void should_read_through_added_latency(KubeApiServer server) {
    server.inject(Fault.latency(Duration.ofMillis(50)));

    assertThat(cluster(server).list(ResourceKind.PODS, ListQuery.inAllNamespaces())).hasSize(5);
    assertThat(server.journal().entries()).allSatisfy(e -> assertThat(e.fault()).isPresent());
  }

  @Test
  void should_read_answers_with_unknown_fields_leniently(KubeApiServer server) {
    server.unknownFields(true);

    assertThat(cluster(server).list(ResourceKind.NODES, ListQuery.inAllNamespaces()))
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("node-a", "node-b");
    assertThat(cluster(server).serverVersion().getGitVersion())
        .isEqualTo(KubeApiServer.DEFAULT_VERSION);
  }
}
