package io.meshsdk.core.manifest;

import io.meshsdk.core.manifest.internal.TextPatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a document is written as YAML and what that changes in its source text. An unmodified
 * document is its source text, without edits. A changed document with source text is its original
 * text plus edits: only the lines it owns change (new entries in the document's own indentation,
 * sequence indentation and line ends, changed values replaced in place, removed entries cut as
 * whole lines), flow collections stay flow style, aliases that must change are expanded in place,
 * and JSON stays JSON. Where that would not be safe, the document is re-emitted in block style:
 * {@link #inPlace()} is false, {@link #declined()} says why, and the edit replaces the whole
 * document. A document without source text (built in code) has no edits. Immutable.
 *
 * @param text the document's text as {@link ManifestWriter} writes it (without any separator the
 *     writer adds between documents)
 * @param edits the edits of the source text, in order, in whole lines
 * @param inPlace whether the text is the source text plus edits (true also when unchanged)
 * @param declined why a changed document is re-emitted instead, or empty
 */
public record DocumentEdits(
    String text, List<TextEdit> edits, boolean inPlace, Optional<String> declined) {

  /**
   * Copies the edits.
   *
   * @param text the document's text as written
   * @param edits the edits of the source text
   * @param inPlace whether the text is the source text plus edits
   * @param declined why a changed document is re-emitted instead, or empty
   * @throws NullPointerException for a null component
   */
  public DocumentEdits {
    edits = List.copyOf(edits);
    java.util.Objects.requireNonNull(text, "text");
    java.util.Objects.requireNonNull(declined, "declined");
  }

  static DocumentEdits of(Manifest m) {
    String source = m.sourceText().orElse(null);
    if (source == null) {
      return new DocumentEdits(
          emitted(m, null), List.of(), false, Optional.of("the document has no source text"));
    }
    if (!m.isModified()) {
      return new DocumentEdits(source, List.of(), true, Optional.empty());
    }
    TextPatcher.Outcome p = m.patch();
    int first = Math.max(1, m.location().line());
    if (!p.patched()) {
      String text = emitted(m, source);
      List<TextEdit> all =
          source.equals(text)
              ? List.of()
              : List.of(new TextEdit(first, TextEdit.lines(source), source, text));
      return new DocumentEdits(text, all, false, Optional.of(p.declined()));
    }
    return new DocumentEdits(
        p.text(), lineEdits(source, p.splices(), first), true, Optional.empty());
  }

  /** The block-style text the writer emits for a document (with its own marker line). */
  private static String emitted(Manifest m, String source) {
    java.io.StringWriter w = new java.io.StringWriter();
    ManifestWriter writer = ManifestWriter.yaml(w);
    writer.write(m);
    writer.flush();
    return w.toString();
  }

  /** Widens character splices to whole lines, merging splices that touch the same lines. */
  static List<TextEdit> lineEdits(String source, List<TextPatcher.Splice> splices, int first) {
    List<TextEdit> out = new ArrayList<>();
    int line = 0; // 0-based line of `pos`
    int pos = 0;
    int i = 0;
    while (i < splices.size()) {
      TextPatcher.Splice s = splices.get(i);
      int start = lineStart(source, s.start());
      int end = boundary(source, s);
      StringBuilder ins = new StringBuilder();
      ins.append(source, start, s.start()).append(s.text());
      int at = s.end();
      int j = i + 1;
      while (j < splices.size() && splices.get(j).start() < end) {
        TextPatcher.Splice t = splices.get(j);
        ins.append(source, at, t.start()).append(t.text());
        at = t.end();
        end = Math.max(end, boundary(source, t));
        j++;
      }
      ins.append(source, at, end);
      for (; pos < start; pos++) {
        if (source.charAt(pos) == '\n') {
          line++;
        }
      }
      String removed = source.substring(start, end);
      out.add(new TextEdit(first + line, TextEdit.lines(removed), removed, ins.toString()));
      i = j;
    }
    return out;
  }

  private static int lineStart(String s, int pos) {
    int i = pos;
    while (i > 0 && s.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  /** Where the lines a splice touches end. */
  private static int boundary(String source, TextPatcher.Splice s) {
    if (s.start() == s.end() && s.start() == lineStart(source, s.start())) {
      return s.start(); // an insertion before a line
    }
    if (s.end() > s.start() && source.charAt(s.end() - 1) == '\n') {
      return s.end();
    }
    int nl = source.indexOf('\n', s.end());
    return nl < 0 ? source.length() : nl + 1;
  }
}
