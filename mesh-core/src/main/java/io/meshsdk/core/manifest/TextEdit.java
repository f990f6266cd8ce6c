package io.meshsdk.core.manifest;

import java.util.Objects;

/**
 * One edit of a document's source text, in whole lines: {@code lineCount} lines from {@code line}
 * (1-based, in the whole source the document was read from) are replaced by the {@code inserted}
 * text. An insertion has {@code lineCount} 0 and goes before {@code line}; a removal has an empty
 * {@code inserted} text. Both texts keep their exact line ends, so a tool can print a unified diff
 * or a review comment from them.
 *
 * @param line the first line replaced, or the line the insertion goes before (1-based)
 * @param lineCount how many lines are replaced (0 for an insertion)
 * @param removed the exact text of the replaced lines (empty for an insertion)
 * @param inserted the exact new text (empty for a removal)
 */
public record TextEdit(int line, int lineCount, String removed, String inserted) {
  /**
   * Checks the edit.
   *
   * @param line the first line replaced, or the line the insertion goes before (1-based)
   * @param lineCount how many lines are replaced (0 for an insertion)
   * @param removed the exact text of the replaced lines
   * @param inserted the exact new text
   * @throws IllegalArgumentException when line is not positive or lineCount negative
   */
  public TextEdit {
    if (line < 1 || lineCount < 0) {
      throw new IllegalArgumentException("line must be positive and lineCount not negative");
    }
    Objects.requireNonNull(removed, "removed");
    Objects.requireNonNull(inserted, "inserted");
  }

  /**
   * How many lines the inserted text holds (a final line without a line break counts).
   *
   * @return the line count of {@link #inserted()}
   */
  public int insertedLineCount() {
    return lines(inserted);
  }

  static int lines(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return !s.isEmpty() && s.charAt(s.length() - 1) != '\n' ? n + 1 : n;
  }
}
