package io.meshsdk.core.manifest;

import io.meshsdk.core.manifest.internal.JsonEmitter;
import io.meshsdk.core.manifest.internal.YamlEmitter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes documents as a YAML stream or as JSON.
 *
 * <p>YAML: an unmodified document with source text is written as that text, byte for byte, so a
 * stream of unmodified documents comes back identical (separators, comments, comment-only
 * documents, a trailing {@code ---}, a missing final newline, {@code ...} markers, concatenated
 * JSON values). A modified document with source text is written as that text plus edits in the
 * document's own style ({@link Manifest#edits()}); where that would not be safe, and for a document
 * without source text, it is emitted in block style (2-space indentation, sequences under a key not
 * indented, key order kept, scalar types kept, no fields added); it keeps its own leading {@code
 * ---} line (with a trailing comment) when it had one. Separators are added where needed so the
 * output is always a valid stream: {@code ---} between documents that do not start with one, and a
 * line break before a separator when the previous document did not end with one. An empty modified
 * document is written as a lone {@code ---}.
 *
 * <p>JSON: each non-empty document as compact JSON on one line followed by {@code "\n"}, as
 * Linkerd's {@code -o json} does; empty documents are skipped.
 *
 * <p>Ownership: the writer passed in stays the caller's. {@link #close()} flushes it and does
 * <em>not</em> close it, so wrapping {@code System.out} in try-with-resources is safe; close your
 * own writer yourself. Not thread-safe.
 */
public final class ManifestWriter implements Closeable, Flushable {
  private final Writer out;
  private final boolean json;
  private final StringBuilder buf = new StringBuilder(8192);
  private boolean wroteAny;
  private char lastChar = '\n';
  private Manifest lastVerbatim;

  private ManifestWriter(Writer out, boolean json) {
    this.out = Objects.requireNonNull(out, "out");
    this.json = json;
  }

  /**
   * A writer of a YAML stream.
   *
   * @param out where to write; not closed by {@link #close()}
   * @return the writer
   */
  public static ManifestWriter yaml(Writer out) {
    return new ManifestWriter(out, false);
  }

  /**
   * A writer of JSON documents, one per line.
   *
   * @param out where to write; not closed by {@link #close()}
   * @return the writer
   */
  public static ManifestWriter json(Writer out) {
    return new ManifestWriter(out, true);
  }

  /**
   * Block-style YAML of a generic tree (the emitter used for modified documents), without a
   * document separator; ends with a line break.
   *
   * @param tree maps with string keys, lists, strings, booleans, numbers, {@link YamlScalar}, null
   * @return the YAML text
   * @throws ManifestException when the tree holds a value of an unsupported type
   */
  public static String toYaml(Object tree) {
    StringBuilder sb = new StringBuilder(256);
    try {
      YamlEmitter.document(tree, sb);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(e.getMessage(), "<generated>", 0, 0, 0, List.of());
    }
    return sb.toString();
  }

  /**
   * Compact one-line JSON of a generic tree (without a line break).
   *
   * @param tree maps, lists and scalars
   * @return the JSON text
   */
  public static String toJson(Object tree) {
    StringBuilder sb = new StringBuilder(256);
    JsonEmitter.write(tree, sb);
    return sb.toString();
  }

  /**
   * Writes one document.
   *
   * @param m the document
   * @throws ManifestException when writing fails or the tree holds an unsupported value
   */
  public void write(Manifest m) {
    try {
      if (json) {
        writeJson(m);
      } else {
        writeYaml(m);
      }
    } catch (IOException e) {
      ManifestLocation at = m.location();
      throw new ManifestException(
          "cannot write the document: " + ManifestReader.describe(e),
          at.source(),
          at.documentIndex(),
          at.line(),
          0,
          List.of(),
          e);
    }
  }

  private void writeJson(Manifest m) throws IOException {
    if (m.isEmpty() && m.root() == null) {
      return;
    }
    buf.setLength(0);
    JsonEmitter.write(m.root(), buf);
    buf.append('\n');
    out.append(buf);
  }

  private void writeYaml(Manifest m) throws IOException {
    // a changed document with source text: its text plus edits (null when the patcher declines)
    String text = m.isModified() ? m.patchedText() : m.sourceText().orElse(null);
    if (text != null) {
      if (wroteAny) {
        if (text.startsWith("\uFEFF")) {
          text = text.substring(1); // a byte order mark belongs only at the start of a stream
        }
        boolean continuation =
            m.continuesPrevious()
                && lastVerbatim != null
                && lastVerbatim.location().source().equals(m.location().source())
                && lastVerbatim.location().documentIndex() + 1 == m.location().documentIndex();
        if (!continuation) {
          breakLine();
          if (!startsDocument(text)) {
            out.write("---\n");
          }
        }
      }
      out.write(text);
      if (!text.isEmpty()) {
        lastChar = text.charAt(text.length() - 1);
      }
      lastVerbatim = m;
      wroteAny = true;
      return;
    }
    buf.setLength(0);
    String own = m.sourceText().map(ManifestWriter::ownMarker).orElse(null);
    if (own != null) {
      buf.append(own).append('\n');
    } else if (wroteAny || m.root() == null) {
      buf.append("---\n");
    }
    if (m.root() != null || !m.isEmpty()) {
      try {
        YamlEmitter.document(m.root(), buf);
      } catch (IllegalArgumentException e) {
        ManifestLocation at = m.location();
        throw new ManifestException(
            e.getMessage(), at.source(), at.documentIndex(), at.line(), 0, List.of());
      }
    }
    if (wroteAny) {
      breakLine();
    }
    out.append(buf);
    lastChar = '\n';
    lastVerbatim = null;
    wroteAny = true;
  }

  private void breakLine() throws IOException {
    if (lastChar != '\n') {
      out.write('\n');
      lastChar = '\n';
    }
  }

  /** Whether a text starts with a document marker or a directive (after an optional BOM). */
  private static boolean startsDocument(String text) {
    int off = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    if (text.startsWith("%", off)) {
      return true;
    }
    if (!text.startsWith("---", off)) {
      return false;
    }
    if (text.length() == off + 3) {
      return true;
    }
    char c = text.charAt(off + 3);
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /**
   * The document's own marker line (without its line break) when its text starts with {@code ---}
   * followed only by blanks and an optional comment; null otherwise.
   */
  private static String ownMarker(String text) {
    if (!startsDocument(text) || text.startsWith("%")) {
      return null;
    }
    int eol = text.indexOf('\n');
    String first = eol < 0 ? text : text.substring(0, eol);
    if (first.endsWith("\r")) {
      first = first.substring(0, first.length() - 1);
    }
    if (first.startsWith("\uFEFF")) {
      first = first.substring(1);
    }
    String rest = first.substring(3).strip();
    return rest.isEmpty() || rest.startsWith("#") ? first.stripTrailing() : null;
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new ManifestException(
          "cannot write: " + ManifestReader.describe(e), "<output>", 0, 0, 0, List.of(), e);
    }
  }

  /**
   * Flushes what was written to the caller's writer, which stays open (it is the caller's to
   * close).
   *
   * @throws ManifestException when flushing fails
   */
  @Override
  public void close() {
    flush();
  }
}
