package io.meshsdk.install;

import io.meshsdk.core.MeshException;

/**
 * An install could not be prepared or rendered: bad identity material, a chart that cannot be read,
 * an option the chart does not support. The message names what was wrong and never holds private
 * key material.
 */
public class InstallException extends MeshException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for people
   */
  public InstallException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause.
   *
   * @param message what went wrong, for people
   * @param cause the underlying failure
   */
  public InstallException(String message, Throwable cause) {
    super(message, cause);
  }
}
