package io.meshsdk.checks.internal;

/** Thrown by a check body: the check failed with this message. */
public final class Fail extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure.
   *
   * @param message the message Linkerd prints under the check
   */
  public Fail(String message) {
    super(message, null, false, false);
  }
}
