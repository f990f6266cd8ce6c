package io.meshsdk.checks.internal;

/** Thrown by a check body: the check does not apply (Linkerd's SkipError); nothing is reported. */
public final class Skip extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A skip.
   *
   * @param reason why the check does not apply
   */
  public Skip(String reason) {
    super(reason, null, false, false);
  }
}
