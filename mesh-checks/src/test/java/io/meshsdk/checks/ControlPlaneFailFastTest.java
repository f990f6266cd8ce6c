package io.meshsdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** linkerd2#4680: a control plane whose pods cannot be scheduled fails fast instead of waiting. */
class ControlPlaneFailFastTest {
  private static final String PENDING =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: linkerd
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: linkerd-config
        namespace: linkerd
      data:
        values: "highAvailability: true"
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: linkerd-destination-5f79ff4844-abcde
        namespace: linkerd
        labels:
          linkerd.io/control-plane-component: destination
      status:
        phase: Pending
        conditions:
        - type: PodScheduled
          status: "False"
          reason: Unschedulable
          message: "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."
      """;

  @Test
  void should_report_unschedulable_pods_at_once_with_a_five_minute_deadline() {
    List<Duration> sleeps = new ArrayList<>();
    CheckReport report =
        HealthChecker.builder()
            .categories(CheckCategory.LINKERD_EXISTENCE)
            .onlyChecks(List.of("no unschedulable pods", "control plane pods are ready"))
            .retryDeadline(Duration.ofMinutes(5))
            .sleeper(sleeps::add)
            .build()
            .run(SnapshotCluster.builder().add(PENDING, "pending.yaml").build());

    assertThat(sleeps).as("no retry waits").isEmpty();
    assertThat(report.results())
        .extracting(CheckResult::description, r -> r.message().orElse(""))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "no unschedulable pods",
                "linkerd-destination-5f79ff4844-abcde: 0/3 nodes are available: 3 node(s) didn't"
                    + " match pod anti-affinity rules."),
            org.assertj.core.groups.Tuple.tuple(
                "control plane pods are ready",
                "No running pods for \"linkerd-destination\"; pod "
                    + "linkerd-destination-5f79ff4844-abcde cannot be scheduled: 0/3 nodes are "
                    + "available: 3 node(s) didn't match pod anti-affinity rules."));
  }
}
