package io.meshsdk.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.checks.Check;
import io.meshsdk.checks.CheckCategory;
import io.meshsdk.checks.CheckListener;
import io.meshsdk.checks.ExpectedCrd;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.HintUrls;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner's semantics, with made-up checks (Linkerd's TestHealthChecker, and more). */
class EngineTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private final FakeClock clock = new FakeClock(START);
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
  private final List<String> retries = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger contexts = new AtomicInteger();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private Settings settings(Duration wait) {
    return new Settings(
        Set.of(CheckCategory.values()),
        false,
        false,
        Set.of(),
        "linkerd",
        Optional.empty(),
        "linkerd-cni",
        Optional.empty(),
        Optional.empty(),
        false,
        clock,
        wait,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        d -> {
          sleeps.add(d);
          clock.advance(d);
        },
        Duration.ofDays(60),
        "edge-26.8.3",
        HintUrls.DEFAULT_BASE,
        ExpectedCrd.linkerd(),
        Optional.empty(),
        8);
  }

  private final CheckListener listener =
      new CheckListener() {
        @Override
        public void onResult(CheckResult r) {
          heard.add(r.description() + ":" + r.outcome());
        }

        @Override
        public void onRetry(CheckResult attempt) {
          retries.add(attempt.description() + ":" + attempt.message().orElse(""));
        }
      };

  private Engine.Stage run(Duration wait, CheckDef... defs) {
    Engine engine = new Engine(settings(wait), executor, listener);
    return engine.run(
        List.of(defs),
        () -> {
          contexts.incrementAndGet();
          return new RunContext(new NoCluster(), settings(wait), false);
        });
  }

  private static CheckDef def(String description, Severity severity, CheckBody body) {
    return new CheckDef(
        Check.of(
            CheckCategory.LINKERD_CONFIG,
            description,
            "anchor-" + description,
            severity,
            false,
            false),
        body);
  }

  private static CheckDef retryable(String description, boolean surface, CheckBody body) {
    return new CheckDef(
        Check.of(CheckCategory.LINKERD_EXISTENCE, description, "a", Severity.FATAL, true, surface),
        body);
  }

  private static CheckBody fail(String message) {
    return ctx -> {
      throw new Fail(message);
    };
  }

  private static final CheckBody PASS = ctx -> {};

  @Test
  void should_report_every_result_in_order_and_pass_when_nothing_failed() {
    Engine.Stage stage =
        run(
            Duration.ZERO,
            def("a", Severity.FATAL, PASS),
            def("b", Severity.ERROR, PASS),
            def("c", Severity.WARNING, PASS));

    assertThat(stage.stopped()).isFalse();
    assertThat(heard).containsExactly("a:SUCCESS", "b:SUCCESS", "c:SUCCESS");
    assertThat(stage.results())
        .allMatch(r -> r.hintUrl().equals(HintUrls.DEFAULT_BASE + "anchor-" + r.description()));
  }

  @Test
  void should_stop_at_a_failed_fatal_check_and_report_nothing_after_it() {
    AtomicInteger laterRuns = new AtomicInteger();
    Engine.Stage stage =
        run(
            Duration.ZERO,
            def("a", Severity.ERROR, fail("boom")),
            def("b", Severity.FATAL, fail("fatal")),
            def(
                "c",
                Severity.ERROR,
                ctx -> {
                  laterRuns.incrementAndGet();
                }));

    assertThat(stage.stopped()).isTrue();
    assertThat(heard).containsExactly("a:ERROR", "b:ERROR");
    assertThat(stage.results()).extracting(CheckResult::description).containsExactly("a", "b");
    assertThat(stage.results().get(1).message()).hasValue("fatal");
  }

  @Test
  void should_not_stop_at_a_failed_warning_or_error_check() {
    Engine.Stage stage =
        run(
            Duration.ZERO,
            def("w", Severity.WARNING, fail("meh")),
            def("e", Severity.ERROR, fail("bad")),
            def("z", Severity.FATAL, PASS));

    assertThat(stage.stopped()).isFalse();
    assertThat(heard).containsExactly("w:WARNING", "e:ERROR", "z:SUCCESS");
  }

  @Test
  void should_keep_a_skipped_check_out_of_what_listeners_hear() {
    Engine.Stage stage =
        run(
            Duration.ZERO,
            def(
                "a",
                Severity.FATAL,
                ctx -> {
                  throw new Skip("not applicable");
                }),
            def("b", Severity.ERROR, PASS));

    assertThat(heard).containsExactly("b:SUCCESS");
    assertThat(stage.results().get(0).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(stage.results().get(0).isVisible()).isFalse();
  }

  @Test
  void should_report_a_failing_retryable_check_once_when_the_deadline_is_zero() {
    AtomicInteger attempts = new AtomicInteger();
    run(
        Duration.ZERO,
        retryable(
            "r",
            true,
            ctx -> {
              attempts.incrementAndGet();
              throw new Fail("not yet");
            }));

    assertThat(attempts).hasValue(1);
    assertThat(retries).isEmpty();
    assertThat(sleeps).isEmpty();
    assertThat(heard).containsExactly("r:ERROR");
  }

  @Test
  void should_retry_every_five_seconds_until_the_deadline_then_report_the_last_failure() {
    AtomicInteger attempts = new AtomicInteger();
    Engine.Stage stage =
        run(
            Duration.ofSeconds(20),
            retryable(
                "r",
                false,
                ctx -> {
                  throw new Fail("attempt " + attempts.incrementAndGet());
                }));

    assertThat(attempts).hasValue(5);
    assertThat(sleeps).containsOnly(Duration.ofSeconds(5)).hasSize(4);
    assertThat(retries).containsOnly("r:" + Engine.WAITING).hasSize(4);
    assertThat(stage.results())
        .singleElement()
        .satisfies(r -> assertThat(r.message()).hasValue("attempt 5"));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(20));
  }

  @Test
  void should_show_the_real_error_while_retrying_a_check_that_surfaces_it() {
    AtomicInteger attempts = new AtomicInteger();
    run(
        Duration.ofSeconds(6),
        retryable(
            "r",
            true,
            ctx -> {
              throw new Fail("pod not ready " + attempts.incrementAndGet());
            }));

    assertThat(retries).containsExactly("r:pod not ready 1", "r:pod not ready 2");
  }

  @Test
  void should_pass_when_a_retried_check_recovers_and_rerun_later_checks_on_fresh_reads() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger laterRuns = new AtomicInteger();
    Engine.Stage stage =
        run(
            Duration.ofMinutes(5),
            retryable(
                "r",
                false,
                ctx -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw new Fail("not yet");
                  }
                }),
            def(
                "later",
                Severity.ERROR,
                ctx -> {
                  laterRuns.incrementAndGet();
                }));

    assertThat(heard).containsExactly("r:SUCCESS", "later:SUCCESS");
    assertThat(stage.stopped()).isFalse();
    assertThat(contexts).hasValue(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void should_stop_retrying_after_the_deadline_in_time_slept_even_on_a_fixed_clock() {
    java.time.Clock fixed = java.time.Clock.fixed(START, java.time.ZoneOffset.UTC);
    Settings s = settings(Duration.ofSeconds(12));
    Settings onFixedClock =
        new Settings(
            s.categories(),
            false,
            false,
            Set.of(),
            "linkerd",
            Optional.empty(),
            "linkerd-cni",
            Optional.empty(),
            Optional.empty(),
            false,
            fixed,
            s.retryDeadline(),
            s.retryInterval(),
            s.attemptTimeout(),
            sleeps::add,
            s.certificateHorizon(),
            s.cliVersion(),
            s.hintBase(),
            s.expectedCrds(),
            Optional.empty(),
            8);
    AtomicInteger attempts = new AtomicInteger();
    new Engine(onFixedClock, executor, listener)
        .run(
            List.of(
                retryable(
                    "r",
                    false,
                    ctx -> {
                      attempts.incrementAndGet();
                      throw new Fail("never");
                    })),
            () -> new RunContext(new NoCluster(), onFixedClock, false));

    assertThat(sleeps).hasSize(3);
    assertThat(attempts).hasValue(4);
  }

  @Test
  void should_report_at_once_a_failure_that_waiting_cannot_fix() {
    AtomicInteger attempts = new AtomicInteger();
    run(
        Duration.ofMinutes(5),
        retryable(
            "r",
            true,
            ctx -> {
              attempts.incrementAndGet();
              throw new Fail("pod cannot be scheduled", false);
            }));

    assertThat(attempts).hasValue(1);
    assertThat(sleeps).isEmpty();
    assertThat(heard).containsExactly("r:ERROR");
  }

  @Test
  void should_turn_an_api_failure_into_the_checks_error_and_finish_the_run() {
    Engine.Stage stage =
        run(
            Duration.ZERO,
            def(
                "list",
                Severity.ERROR,
                ctx -> {
                  throw ClusterAccessException.builder(
                          ClusterAccessException.Failure.FORBIDDEN,
                          "not allowed: GET /api/v1/pods answered 403 Forbidden")
                      .status(403)
                      .build();
                }),
            def("next", Severity.ERROR, PASS));

    assertThat(stage.results().get(0).message())
        .hasValue("not allowed: GET /api/v1/pods answered 403 Forbidden");
    assertThat(heard).containsExactly("list:ERROR", "next:SUCCESS");
  }

  @Test
  void should_turn_an_unexpected_exception_into_the_checks_error() {
    run(
        Duration.ZERO,
        def(
            "npe",
            Severity.WARNING,
            ctx -> {
              throw new IllegalStateException("broken object");
            }));

    assertThat(heard).containsExactly("npe:WARNING");
  }

  @Test
  void should_report_in_order_when_later_checks_finish_first() throws InterruptedException {
    int n = 8;
    List<CountDownLatch> done = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      done.add(new CountDownLatch(1));
    }
    List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
    List<CheckDef> defs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      defs.add(
          def(
              "c" + k,
              Severity.ERROR,
              ctx -> {
                try {
                  if (k + 1 < n) {
                    // each check waits until the next one has finished: they finish in reverse
                    // order
                    assertThat(done.get(k + 1).await(10, TimeUnit.SECONDS)).isTrue();
                  }
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                finished.add(k);
                done.get(k).countDown();
              }));
    }
    Engine engine = new Engine(settings(Duration.ZERO), executor, listener);
    engine.run(defs, () -> new RunContext(new NoCluster(), settings(Duration.ZERO), false));

    assertThat(finished).containsExactly(7, 6, 5, 4, 3, 2, 1, 0);
    assertThat(heard)
        .containsExactly(
            "c0:SUCCESS",
            "c1:SUCCESS",
            "c2:SUCCESS",
            "c3:SUCCESS",
            "c4:SUCCESS",
            "c5:SUCCESS",
            "c6:SUCCESS",
            "c7:SUCCESS");
  }

  @Test
  void should_share_one_read_between_concurrent_checks_of_an_attempt() {
    AtomicInteger reads = new AtomicInteger();
    CheckBody readsOnce = ctx -> ctx.memo("pods", () -> reads.incrementAndGet());
    run(
        Duration.ZERO,
        def("a", Severity.ERROR, readsOnce),
        def("b", Severity.ERROR, readsOnce),
        def("c", Severity.ERROR, readsOnce));

    assertThat(reads).hasValue(1);
  }
}
