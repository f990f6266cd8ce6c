package io.meshsdk.core.linkerd;

import io.meshsdk.core.MeshException;

/** A Linkerd-specific input is malformed, e.g. a version string that is not a Linkerd version. */
public class LinkerdException extends MeshException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, one line
   */
  public LinkerdException(String message) {
    super(message);
  }
}
