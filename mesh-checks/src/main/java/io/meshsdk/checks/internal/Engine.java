package io.meshsdk.checks.internal;

import io.meshsdk.checks.Check;
import io.meshsdk.checks.CheckListener;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.core.report.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs checks with Linkerd's semantics: results in the given order, a failed fatal check stops
 * everything after it, skips report nothing, retryable checks are retried every interval until the
 * deadline. Checks run concurrently on the executor; results are reported (and heard) in order.
 */
public final class Engine {
  /** The message of a retry attempt of a check that does not show its real error. */
  public static final String WAITING = "waiting for check to complete";

  private final Settings settings;
  private final ExecutorService executor;
  private final CheckListener listener;
  private final Instant deadline;
  private Duration slept = Duration.ZERO;

  /**
   * An engine for one run.
   *
   * @param settings the settings (clock, deadline, interval, sleeper, timeout, hint base)
   * @param executor where checks run
   * @param listener who hears the results
   */
  // one engine per run; run() is called from the run's thread only
  public Engine(Settings settings, ExecutorService executor, CheckListener listener) {
    this.settings = settings;
    this.executor = executor;
    this.listener = listener;
    this.deadline = settings.clock().instant().plus(settings.retryDeadline());
  }

  /** The results of a stage and whether a fatal failure stopped it. */
  public record Stage(List<CheckResult> results, boolean stopped) {}

  /**
   * Runs checks in order.
   *
   * @param defs the checks, in run order
   * @param contexts a fresh context per call (one for the start, one after each retry)
   * @return the visible and skipped results, and whether the run stopped
   */
  public Stage run(List<CheckDef> defs, Supplier<RunContext> contexts) {
    List<CheckResult> out = new ArrayList<>();
    RunContext ctx = contexts.get();
    List<Future<Attempt>> futures = submit(defs, 0, ctx);
    try {
      for (int i = 0; i < defs.size(); i++) {
        CheckDef def = defs.get(i);
        Attempt a = await(def, futures.get(i));
        CheckResult r = a.result();
        boolean retried = false;
        while (r.isFailure() && def.check().retryable() && a.retryable() && beforeDeadline()) {
          listener.onRetry(
              def.check().showsRetryError() ? r : r.toBuilder().failed(WAITING).build());
          sleep(settings.retryInterval());
          ctx = contexts.get();
          a = await(def, submit(List.of(def), 0, ctx).get(0));
          r = a.result();
          retried = true;
        }
        if (retried) {
          cancel(futures, i + 1);
          futures = new ArrayList<>(futures.subList(0, i + 1));
          futures.addAll(submit(defs.subList(i + 1, defs.size()), 0, ctx));
        }
        out.add(r);
        if (r.isVisible()) {
          listener.onResult(r);
        }
        if (r.stopsRun()) {
          cancel(futures, i + 1);
          return new Stage(out, true);
        }
      }
      return new Stage(out, false);
    } catch (RuntimeException | Error e) {
      cancel(futures, 0);
      throw e;
    }
  }

  private List<Future<Attempt>> submit(List<CheckDef> defs, int from, RunContext ctx) {
    List<Future<Attempt>> out = new ArrayList<>();
    for (int i = from; i < defs.size(); i++) {
      CheckDef def = defs.get(i);
      out.add(executor.submit(() -> runOnce(def, ctx, settings.hintBase())));
    }
    return out;
  }

  /**
   * One attempt of a check.
   *
   * @param result its result
   * @param retryable whether trying again may help
   */
  public record Attempt(CheckResult result, boolean retryable) {}

  private Attempt await(CheckDef def, Future<Attempt> f) {
    Duration timeout = settings.attemptTimeout();
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return new Attempt(
          result(def.check(), settings.hintBase())
              .failed("the check did not finish within " + describe(timeout))
              .build(),
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new CancellationException("check run interrupted");
    } catch (ExecutionException e) {
      return new Attempt(
          result(def.check(), settings.hintBase()).failed(message(e.getCause())).build(), true);
    }
  }

  /**
   * Whether the retry deadline is still ahead: on the run's clock, and in time actually slept (a
   * fixed clock, e.g. {@code --now}, must not retry for ever).
   */
  private boolean beforeDeadline() {
    return settings.clock().instant().isBefore(deadline)
        && slept.compareTo(settings.retryDeadline()) < 0;
  }

  private void sleep(Duration d) {
    slept = slept.plus(d);
    try {
      settings.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("check run interrupted");
    }
  }

  private static void cancel(List<Future<Attempt>> futures, int from) {
    for (int i = from; i < futures.size(); i++) {
      futures.get(i).cancel(true);
    }
  }

  /**
   * Runs a check once and turns its outcome into a result.
   *
   * @param def the check
   * @param ctx the context
   * @param hintBase the hint base
   * @return the attempt: its result and whether a retry may help
   */
  public static Attempt runOnce(CheckDef def, RunContext ctx, String hintBase) {
    CheckResult.Builder b = result(def.check(), hintBase);
    try {
      def.body().run(ctx);
      return new Attempt(b.passed().build(), true);
    } catch (Skip s) {
      return new Attempt(b.skipped(s.getMessage()).build(), true);
    } catch (Warn w) {
      return new Attempt(
          b.severity(io.meshsdk.core.report.Severity.WARNING).failed(w.getMessage()).build(),
          false);
    } catch (Fail f) {
      return new Attempt(b.failed(message(f)).build(), f.retryable());
    } catch (RuntimeException e) {
      return new Attempt(b.failed(message(e)).build(), true);
    }
  }

  static CheckResult.Builder result(Check c, String hintBase) {
    return CheckResult.builder(c.category().id(), c.description())
        .hintAnchor(c.hintAnchor())
        .hintBase(hintBase)
        .severity(c.severity());
  }

  static String message(Throwable e) {
    if (e instanceof Fail || e instanceof ClusterAccessException) {
      return nonEmpty(e.getMessage(), e);
    }
    String m = e.getMessage();
    return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
  }

  private static String nonEmpty(String m, Throwable e) {
    return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
