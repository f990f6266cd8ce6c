package io.meshsdk.checks.internal;

/**
 * Thrown by a check body: the check could not be judged for a reason that must not stop or fail the
 * run (it needs a connection Mesh SDK does not open by default); reported as a warning whatever the
 * check's severity.
 */
public final class Warn extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A warning.
   *
   * @param message the message
   */
  public Warn(String message) {
    super(message, null, false, false);
  }
}
