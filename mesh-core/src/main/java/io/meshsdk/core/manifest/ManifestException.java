package io.meshsdk.core.manifest;

import io.meshsdk.core.MeshException;
import java.util.List;

/**
 * A manifest could not be read or written. The message names the source, the document (1-based
 * index within the source), the line and the column (1-based, relative to the whole source), and
 * what is wrong, e.g. {@code deploy.yaml: document 2, line 14, column 7: duplicate key "name"}.
 *
 * <p>Nothing is lost: {@link #validDocuments()} lists the documents that were read fine — all of
 * them for {@link ManifestReader#readAll}, and those read so far for a {@link ManifestStream},
 * which can go on with the next document. Immutable.
 */
public class ManifestException extends MeshException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String source;
  private final int documentIndex;
  private final int line;
  private final int column;
  private final transient List<ManifestLocation> validDocuments;

  /**
   * Creates an exception for a problem at a place in a source.
   *
   * @param problem what is wrong, without the place
   * @param source the source name
   * @param documentIndex the 1-based document index (0 when not about one document)
   * @param line the 1-based line (0 when unknown)
   * @param column the 1-based column (0 when unknown)
   * @param validDocuments the documents that were fine
   */
  public ManifestException(
      String problem,
      String source,
      int documentIndex,
      int line,
      int column,
      List<ManifestLocation> validDocuments) {
    this(problem, source, documentIndex, line, column, validDocuments, null);
  }

  /**
   * Creates an exception for a problem at a place in a source, with its cause.
   *
   * @param problem what is wrong, without the place
   * @param source the source name
   * @param documentIndex the 1-based document index (0 when not about one document)
   * @param line the 1-based line (0 when unknown)
   * @param column the 1-based column (0 when unknown)
   * @param validDocuments the documents that were fine
   * @param cause the underlying failure, or null
   */
  public ManifestException(
      String problem,
      String source,
      int documentIndex,
      int line,
      int column,
      List<ManifestLocation> validDocuments,
      Throwable cause) {
    super(format(problem, source, documentIndex, line, column), cause);
    this.problem = problem;
    this.source = source;
    this.documentIndex = documentIndex;
    this.line = line;
    this.column = column;
    this.validDocuments = List.copyOf(validDocuments);
  }

  static String format(String problem, String source, int doc, int line, int column) {
    StringBuilder sb = new StringBuilder(source);
    if (doc > 0) {
      sb.append(": document ").append(doc);
    }
    if (line > 0) {
      sb.append(doc > 0 ? ", line " : ": line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  /**
   * What is wrong, without the place.
   *
   * @return the problem
   */
  @Override
  public String problem() {
    return problem;
  }

  /**
   * The source name (file path, {@code <stdin>}, or the caller's name).
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based index of the bad document within its source (0 when not about one document).
   *
   * @return the document index
   */
  public int documentIndex() {
    return documentIndex;
  }

  /**
   * The 1-based line in the source (0 when unknown).
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column (0 when unknown).
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * The documents that were read fine: for {@link ManifestReader#readAll} every good document of
   * the input, for a stream those read before this error.
   *
   * @return their locations, in input order
   */
  public List<ManifestLocation> validDocuments() {
    return validDocuments == null ? List.of() : validDocuments;
  }
}
