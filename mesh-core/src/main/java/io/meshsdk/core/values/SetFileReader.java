package io.meshsdk.core.values;

import io.meshsdk.core.internal.BoundedRead;
import io.meshsdk.core.internal.go.GoText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads the files named by {@code --set-file} values. Helm reads {@code -} from standard input and
 * any other path from the local disk, relative to the working directory; the contents become the
 * value verbatim (no trimming, no typing).
 *
 * <p>The readers made here accept files (and standard input) of at most 4 MiB and refuse larger
 * ones, and devices such as {@code /dev/zero}, without reading more than that.
 *
 * <p>Unlike Helm, URLs are not downloaded: a value such as {@code https://…} is read as a local
 * path and fails.
 */
@FunctionalInterface
public interface SetFileReader {

  /**
   * Reads one file.
   *
   * @param path the path exactly as written in the {@code --set-file} argument
   * @return the contents, decoded as UTF-8
   * @throws IOException when the file cannot be read; the message should name the path
   */
  String read(String path) throws IOException;

  /**
   * A reader that resolves relative paths against {@code workingDirectory} and reads {@code -} from
   * {@code stdin}.
   *
   * @param workingDirectory the directory relative paths are resolved against
   * @param stdin supplies standard input (read fully on each {@code -})
   * @return the reader
   */
  static SetFileReader fromDirectory(Path workingDirectory, Supplier<InputStream> stdin) {
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(stdin, "stdin");
    return path -> {
      if ("-".equals(path)) {
        try {
          return decode(BoundedRead.readAll(stdin.get(), BoundedRead.SMALL_FILE_LIMIT));
        } catch (BoundedRead.TooLargeException e) {
          throw new IOException("cannot read standard input: " + e.getMessage(), e);
        }
      }
      Path p;
      try {
        p = workingDirectory.resolve(path);
      } catch (java.nio.file.InvalidPathException e) {
        throw new IOException("invalid path " + GoText.quote(path) + ": " + e.getReason(), e);
      }
      if (path.isEmpty() || Files.isDirectory(p)) {
        throw new IOException(
            "cannot read "
                + GoText.quote(path)
                + ": "
                + (path.isEmpty() ? "empty path" : "is a directory"));
      }
      try {
        return decode(BoundedRead.readFile(p, BoundedRead.SMALL_FILE_LIMIT));
      } catch (NoSuchFileException e) {
        throw new IOException(
            "cannot read "
                + GoText.quote(path)
                + ": no such file ("
                + GoText.quote(p.toString())
                + ")",
            e);
      } catch (IOException e) {
        throw new IOException("cannot read " + GoText.quote(path) + ": " + e.getMessage(), e);
      }
    };
  }

  /** UTF-8 text of bytes, malformed sequences replaced (as Go's string conversion keeps them). */
  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The reader the {@code helm} command line uses: paths relative to the process working directory,
   * {@code -} from {@code System.in}.
   *
   * @return the reader
   */
  static SetFileReader defaultReader() {
    return fromDirectory(Paths.get("").toAbsolutePath(), () -> System.in);
  }

  /**
   * An in-memory reader over a fixed map of path to contents (tests, embedded use). Any other path
   * fails.
   *
   * @param files path to contents
   * @return the reader
   */
  static SetFileReader of(Map<String, String> files) {
    Map<String, String> copy = new LinkedHashMap<>(files);
    return path -> {
      String s = copy.get(path);
      if (s == null) {
        throw new IOException("cannot read " + GoText.quote(path) + ": no such file");
      }
      return s;
    };
  }
}
