package io.meshsdk.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds one input's output until the whole input has succeeded (Linkerd's all-or-nothing rule), in
 * memory up to a bound and in a temporary file beyond it, so memory stays bounded however large the
 * input. {@link #commitTo(Writer)} releases it and leaves the buffer empty for the next input,
 * {@link #close()} discards it. Not thread-safe.
 */
final class SpillBuffer extends Writer implements Closeable {
  private final int memoryLimit;
  private final StringBuilder memory = new StringBuilder();
  private Path file;
  private Writer fileWriter;

  /**
   * Creates a buffer.
   *
   * @param memoryLimit the number of characters held in memory before spilling to a file
   */
  SpillBuffer(int memoryLimit) {
    this.memoryLimit = memoryLimit;
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    if (fileWriter != null) {
      fileWriter.write(cbuf, off, len);
      return;
    }
    if (memory.length() + len > memoryLimit) {
      spill();
      fileWriter.write(cbuf, off, len);
      return;
    }
    memory.append(cbuf, off, len);
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    if (fileWriter != null) {
      fileWriter.write(str, off, len);
      return;
    }
    if (memory.length() + len > memoryLimit) {
      spill();
      fileWriter.write(str, off, len);
      return;
    }
    memory.append(str, off, off + len);
  }

  private void spill() throws IOException {
    file = Files.createTempFile("mesh-out-", ".yaml");
    file.toFile().deleteOnExit();
    fileWriter = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    fileWriter.append(memory);
    memory.setLength(0);
    memory.trimToSize();
  }

  /** Whether the content went to a temporary file. */
  boolean spilled() {
    return file != null;
  }

  /**
   * Writes everything held to {@code out} and empties the buffer.
   *
   * @param out the destination
   * @throws IOException when the temporary file cannot be read
   */
  void commitTo(Writer out) throws IOException {
    if (fileWriter != null) {
      fileWriter.close();
      fileWriter = null;
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        char[] buf = new char[1 << 16];
        int n;
        while ((n = r.read(buf)) > 0) {
          out.write(buf, 0, n);
        }
      }
      Files.deleteIfExists(file);
      file = null;
    } else {
      out.append(memory);
      memory.setLength(0);
    }
  }

  @Override
  public void flush() throws IOException {
    if (fileWriter != null) {
      fileWriter.flush();
    }
  }

  /** Discards what is held and deletes the temporary file. */
  @Override
  public void close() throws IOException {
    memory.setLength(0);
    if (fileWriter != null) {
      fileWriter.close();
      fileWriter = null;
    }
    if (file != null) {
      Files.deleteIfExists(file);
      file = null;
    }
  }
}
