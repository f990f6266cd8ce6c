package io.meshsdk.core.manifest;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Documents read one at a time, so memory stays bounded by the largest document.
 *
 * <p>{@link #next()} throws {@link ManifestException} for a bad document; the stream is then
 * positioned after it and the caller may go on iterating — nothing else is lost. {@link #close()}
 * closes the underlying reader or stream (it is also closed when the end is reached). Not
 * thread-safe.
 */
public interface ManifestStream extends Iterator<Manifest>, Closeable {

  /**
   * Closes the underlying input without throwing checked exceptions.
   *
   * @throws ManifestException when closing fails
   */
  @Override
  void close();
}
