package io.meshsdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads whole inputs with a byte limit, refusing fast: a regular file larger than the limit is
 * refused from its size without being read, and any other input (a device such as {@code
 * /dev/zero}, a pipe, standard input) is read only up to one byte past the limit. Not API.
 */
public final class BoundedRead {
  /** The limit for small files: certificates, keys, {@code --set-file} values (4 MiB). */
  public static final int SMALL_FILE_LIMIT = 4 << 20;

  private BoundedRead() {}

  /** An input larger than its limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param limit the limit in bytes
     */
    public TooLargeException(long limit) {
      super("larger than the limit of " + limit + " bytes");
    }
  }

  /**
   * Reads a stream up to {@code limit} bytes (the stream is not closed).
   *
   * @param in the stream
   * @param limit the most bytes accepted
   * @return the bytes
   * @throws TooLargeException when the stream has more than {@code limit} bytes
   * @throws IOException when reading fails
   */
  public static byte[] readAll(InputStream in, int limit) throws IOException {
    byte[] buf = new byte[Math.min(limit, 8192) + 1];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        if (n > limit) {
          throw new TooLargeException(limit);
        }
        buf = Arrays.copyOf(buf, (int) Math.min((long) limit + 1, 2L * buf.length));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
      if (n > limit) {
        throw new TooLargeException(limit);
      }
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  /**
   * Reads a file up to {@code limit} bytes. Folders are refused; a regular file larger than the
   * limit is refused without being read; other files are read up to the limit.
   *
   * @param file the file
   * @param limit the most bytes accepted
   * @return the bytes
   * @throws TooLargeException when the file has more than {@code limit} bytes
   * @throws IOException when the file is a folder or cannot be read
   */
  public static byte[] readFile(Path file, int limit) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("is a folder");
    }
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(file)) {
      if (Files.size(file) > limit) {
        throw new TooLargeException(limit);
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return readAll(in, limit);
    }
  }
}
