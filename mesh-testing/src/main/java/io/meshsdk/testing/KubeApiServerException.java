package io.meshsdk.testing;

import io.meshsdk.core.MeshException;

/** The test API server could not start, or a seed could not be stored (names the document). */
public final class KubeApiServerException extends MeshException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and where
   */
  public KubeApiServerException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong and where
   * @param cause the cause
   */
  public KubeApiServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
