package io.meshsdk.cli;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code git diff} style, 3 lines of context) of one input and its output, built
 * from the documents' line edits ({@link Manifest#edits()}) rather than by comparing texts, so it
 * shows exactly the lines the transformation edits. Holds the input's lines until {@link
 * #render()}. Not thread-safe.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  /** An edit at a 0-based line of the whole input. */
  private record At(int line, TextEdit edit) {}

  private final String name;
  private final List<String> lines = new ArrayList<>();
  private final List<At> edits = new ArrayList<>();

  UnifiedDiff(String name) {
    this.name = name;
  }

  /** Adds the next output document (its source text is the next part of the input). */
  void add(Manifest out) {
    int first = lines.size();
    String source = out.sourceText().orElse("");
    split(source, lines);
    for (TextEdit e : out.edits().edits()) {
      edits.add(new At(first + e.line() - out.location().line(), e));
    }
  }

  private static void split(String s, List<String> into) {
    int at = 0;
    while (at < s.length()) {
      int nl = s.indexOf('\n', at);
      int end = nl < 0 ? s.length() : nl + 1;
      into.add(s.substring(at, end));
      at = end;
    }
  }

  /** The diff, empty when nothing changed. */
  String render() {
    if (edits.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(name).append('\n');
    out.append("+++ b/").append(name).append('\n');
    int delta = 0; // new line number minus old line number before the current hunk
    int i = 0;
    while (i < edits.size()) {
      int j = i;
      // edits whose context touches go into one hunk
      while (j + 1 < edits.size() && edits.get(j + 1).line() - end(edits.get(j)) <= 2 * CONTEXT) {
        j++;
      }
      int from = Math.max(0, edits.get(i).line() - CONTEXT);
      int to = Math.min(lines.size(), end(edits.get(j)) + CONTEXT);
      StringBuilder body = new StringBuilder();
      int oldCount = 0;
      int newCount = 0;
      int at = from;
      int hunkDelta = 0;
      for (int k = i; k <= j; k++) {
        At e = edits.get(k);
        for (; at < e.line(); at++, oldCount++, newCount++) {
          line(body, ' ', lines.get(at));
        }
        List<String> removed = new ArrayList<>();
        split(e.edit().removed(), removed);
        List<String> inserted = new ArrayList<>();
        split(e.edit().inserted(), inserted);
        for (String r : removed) {
          line(body, '-', r);
        }
        for (String s : inserted) {
          line(body, '+', s);
        }
        oldCount += removed.size();
        newCount += inserted.size();
        hunkDelta += inserted.size() - removed.size();
        at = e.line() + e.edit().lineCount();
      }
      for (; at < to; at++, oldCount++, newCount++) {
        line(body, ' ', lines.get(at));
      }
      out.append("@@ -")
          .append(range(from, oldCount))
          .append(" +")
          .append(range(from + delta, newCount))
          .append(" @@\n")
          .append(body);
      delta += hunkDelta;
      i = j + 1;
    }
    return out.toString();
  }

  private static int end(At e) {
    return e.line() + e.edit().lineCount();
  }

  private static String range(int from, int count) {
    // git: the start is 1-based, or the line before an empty range
    int start = count == 0 ? from : from + 1;
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  private static void line(StringBuilder out, char mark, String line) {
    out.append(mark).append(line);
    if (!line.endsWith("\n")) {
      out.append("\n\\ No newline at end of file\n");
    }
  }
}
