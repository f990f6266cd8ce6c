package io.meshsdk.core.manifest;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Documents read one at a time, so memory stays bounded by the largest document.
 *
 * <p>{@link #next()} throws {@link ManifestException} for a bad document; the stream is then
 * positioned after it and the caller may go on iterating — nothing else is lost.
 *
 * <p>Ownership: a stream the SDK opened itself ({@link ManifestReader#open(java.nio.file.Path)}) is
 * closed by {@link #close()} and when the end is reached; a reader or input stream the caller
 * passed in ({@link ManifestReader#open(java.io.Reader, String)}, {@link
 * ManifestReader#open(java.io.InputStream, String)}) stays the caller's and is never closed, so
 * {@code open(System.in, "<stdin>")} leaves standard input open. Not thread-safe.
 */
public interface ManifestStream extends Iterator<Manifest>, Iterable<Manifest>, Closeable {

  /**
   * This stream as an iterable, for {@code for (Manifest m : stream)}: it can be iterated once (the
   * documents are read as they go), and a bad document throws from the loop as {@link #next()}
   * does.
   *
   * @return this stream
   */
  @Override
  default Iterator<Manifest> iterator() {
    return this;
  }

  /**
   * The remaining documents as a sequential {@link Stream}; closing it closes this stream. A bad
   * document throws {@link ManifestException} from the terminal operation (use {@link #next()} to
   * go on after one).
   *
   * @return the stream of documents, read lazily
   */
  default Stream<Manifest> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Ends the stream; closes the underlying input when the SDK opened it (a file), never a reader or
   * input stream the caller passed in.
   *
   * @throws ManifestException when closing fails
   */
  @Override
  void close();
}
