package io.meshsdk.core.identity;

import io.meshsdk.core.MeshException;

/**
 * A certificate or key could not be read, parsed, matched or created.
 *
 * <p>The message says what was wrong and where (a file, a Secret key, a PEM block and its line);
 * where Linkerd has its own wording (e.g. {@code not a PEM certificate}) the message is Linkerd's.
 * Messages never contain private key material.
 */
public class IdentityException extends MeshException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, for people
   */
  public IdentityException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its cause.
   *
   * @param message what went wrong, for people
   * @param cause the underlying failure; its message must not hold key material
   */
  public IdentityException(String message, Throwable cause) {
    super(message, cause);
  }
}
