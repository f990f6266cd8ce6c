package io.meshsdk.checks.internal;

/** What a check does: returns normally on success, throws {@link Fail} or {@link Skip}. */
@FunctionalInterface
public interface CheckBody {
  /**
   * Runs the check once.
   *
   * @param ctx the run's cluster reads and settings
   */
  void run(RunContext ctx);
}
