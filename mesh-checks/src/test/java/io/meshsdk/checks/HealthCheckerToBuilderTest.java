package io.meshsdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HealthChecker#toBuilder()} gives back everything the checker was built with. */
class HealthCheckerToBuilderTest {

  private static HealthChecker.Builder configured() {
    return HealthChecker.builder()
        .categories(CheckCategory.LINKERD_CONFIG, CheckCategory.LINKERD_IDENTITY)
        .onlyChecks(List.of("control plane Namespace exists"))
        .controlPlaneNamespace("mesh")
        .dataPlaneNamespace("apps")
        .cniNamespace("mesh-cni")
        .vizNamespace("mesh-viz")
        .cniEnabled(true)
        .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
        .retryDeadline(Duration.ofSeconds(7))
        .attemptTimeout(Duration.ofSeconds(3))
        .failurePolicy(FailurePolicy.warnings())
        .cliVersion("edge-26.1.1")
        .parallelism(3);
  }

  @Test
  void should_rebuild_a_checker_that_runs_the_same_checks_under_the_same_policy() {
    HealthChecker checker = configured().build();
    HealthChecker copy = checker.toBuilder().build();

    assertThat(copy.checks()).isEqualTo(checker.checks()).isNotEmpty();
    assertThat(copy.failurePolicy()).isEqualTo(checker.failurePolicy());
    assertThat(checker.toBuilder().failurePolicy(FailurePolicy.errors()).build().failurePolicy())
        .isEqualTo(FailurePolicy.errors());
    assertThat(checker.failurePolicy()).isEqualTo(FailurePolicy.warnings());
  }

  @Test
  void should_copy_every_field_of_the_builder() throws ReflectiveOperationException {
    HealthChecker.Builder original = configured();
    HealthChecker.Builder copy = original.build().toBuilder();
    for (Field f : HealthChecker.Builder.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(original));
      }
    }
  }
}
