package io.meshsdk.core.manifest;

import java.util.Objects;

/**
 * Where a document was read: the source's name, the document's 1-based index within the source, and
 * the 1-based line where its text starts. Documents built in code ({@link Manifest#of}) have the
 * source {@code <generated>}, index 0 and line 0.
 *
 * @param source the source name (a file path, {@code <stdin>}, or a name the caller chose)
 * @param documentIndex the 1-based index of the document within its source
 * @param line the 1-based line of the document's first character in the source
 */
public record ManifestLocation(String source, int documentIndex, int line) {

  /** The location of documents built in code. */
  public static final ManifestLocation GENERATED = new ManifestLocation("<generated>", 0, 0);

  /**
   * Validates the parts.
   *
   * @param source the source name, not null
   * @param documentIndex the document index, not negative
   * @param line the line, not negative
   */
  public ManifestLocation {
    Objects.requireNonNull(source, "source");
    if (documentIndex < 0 || line < 0) {
      throw new IllegalArgumentException("documentIndex and line must not be negative");
    }
  }

  /**
   * A readable form, e.g. {@code deploy.yaml: document 2 (line 14)}.
   *
   * @return the location for messages
   */
  @Override
  public String toString() {
    return source + ": document " + documentIndex + " (line " + line + ")";
  }
}
