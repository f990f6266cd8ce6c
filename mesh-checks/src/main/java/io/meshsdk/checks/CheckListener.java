package io.meshsdk.checks;

import io.meshsdk.core.report.CheckResult;

/**
 * Hears the results of a run as they end, in Linkerd's order (the order of the report), from the
 * thread that called {@link HealthChecker#run()}. Skipped checks are not heard.
 *
 * <p>A listener that throws stops the run: the exception propagates out of {@code run()}.
 */
@FunctionalInterface
public interface CheckListener {

  /**
   * A check has its final result.
   *
   * @param result the result (success, warning or error)
   */
  void onResult(CheckResult result);

  /**
   * A retryable check failed and will run again after the retry interval; Linkerd shows this on a
   * terminal as a spinner with the message. Does nothing by default.
   *
   * @param attempt the failed attempt; its message is the real error for checks that show it, else
   *     {@code waiting for check to complete}
   */
  default void onRetry(CheckResult attempt) {}
}
