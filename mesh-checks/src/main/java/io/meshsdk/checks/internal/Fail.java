package io.meshsdk.checks.internal;

/** Thrown by a check body: the check failed with this message. */
public final class Fail extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * A failure; a retryable check is tried again until the deadline.
   *
   * @param message the message Linkerd prints under the check
   */
  public Fail(String message) {
    this(message, true);
  }

  /**
   * A failure that may say that waiting will not help.
   *
   * @param message the message
   * @param retryable false to report the failure at once, even for a retryable check
   */
  public Fail(String message, boolean retryable) {
    super(message, null, false, false);
    this.retryable = retryable;
  }

  /**
   * Whether a retry may help.
   *
   * @return false when the failure is reported at once
   */
  public boolean retryable() {
    return retryable;
  }
}
