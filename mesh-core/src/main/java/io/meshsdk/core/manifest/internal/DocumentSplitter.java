package io.meshsdk.core.manifest.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Splits a character stream into the exact texts of its documents, without parsing YAML.
 *
 * <p>A line that starts with {@code ---} followed by a space, a tab or the end of the line starts a
 * new document (YAML forbids document markers at column 0 inside content, so this never cuts a
 * scalar); the marker line belongs to the document it starts, and the text before the first marker
 * is a document of its own when there is any (it may hold only comments). Directive lines ({@code
 * %YAML}, {@code %TAG}) start a document as well, and the {@code ---} that follows them belongs to
 * the same document. A document end line ({@code ...}) stays in its document. A chunk whose content
 * starts with <code>{</code> or <code>[</code> is a JSON (flow) value; when another <code>{</code>
 * or <code>[</code> value follows it, the chunk is cut there, so concatenated JSON values become
 * separate documents. Concatenating the texts of all chunks gives back the input exactly.
 *
 * <p>Memory is bounded by the largest document: a document larger than the limit is not kept; its
 * chunk reports the overflow instead. Not thread-safe.
 */
public final class DocumentSplitter implements Closeable {

  /**
   * One document's text.
   *
   * @param text the exact text, or null when the document exceeded the size limit
   * @param startLine the 1-based line of its first character in the source
   * @param startColumn the 0-based column of its first character (non-zero only for a JSON value
   *     that follows another one on the same line)
   * @param continuesPrevious true for a JSON value that follows another value without a separator
   */
  public record Chunk(String text, int startLine, int startColumn, boolean continuesPrevious) {
    /**
     * Whether the document was larger than the limit (its text was dropped).
     *
     * @return true when oversized
     */
    public boolean oversized() {
      return text == null && startColumn >= 0;
    }

    /**
     * Whether this marks the end of reading: after an oversized document no next document started
     * within {@link #maxSkip(long)} characters, so the rest of the input is not read.
     *
     * @return true for the abandoning marker
     */
    public boolean abandoned() {
      return text == null && startColumn < 0;
    }
  }

  /**
   * How far past the limit of an oversized document the splitter looks for the next document before
   * it gives the input up (an endless input such as {@code /dev/zero} has none): four times the
   * limit, at least 256 Mi characters.
   *
   * @param maxBytes the document limit
   * @return the most characters skipped
   */
  public static long maxSkip(long maxBytes) {
    return Math.max(4 * maxBytes, 1L << 28);
  }

  // JSON detection states of the current chunk
  private static final int LOOKING = 0;
  private static final int IN_VALUE = 1;
  private static final int AFTER_VALUE = 2;
  private static final int YAML = 3;

  private final Reader in;
  private final long maxBytes;
  private final char[] buf = new char[16384];
  private int pos;
  private int len;
  private boolean eof;
  private boolean firstLine = true;
  private int nextLineNo = 1;
  private final StringBuilder line = new StringBuilder(256);
  private boolean lineOverflow;
  // the line read was cut at the limit: its rest follows as a continuation (not a line start)
  private boolean lineCut;
  private boolean continuation;
  // after an oversized document: skipping to the next document start
  private boolean skipping;
  private long skipped;
  private boolean stopped;
  private final ArrayDeque<Chunk> ready = new ArrayDeque<>();

  // the current chunk
  private StringBuilder cur;
  private int curLine;
  private int curColumn;
  private boolean curContinues;
  private long curBytes;
  private boolean curOversized;
  private boolean curDirectivesOnly;
  private int json;
  private int depth;
  private char quote;
  private char prev;

  /**
   * Creates a splitter.
   *
   * @param in the characters to split; closed by {@link #close()}
   * @param maxBytes the largest document, in UTF-8 bytes, whose text is kept
   */
  public DocumentSplitter(Reader in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * The next document's text.
   *
   * @return the chunk, or null at the end of the input
   * @throws IOException when reading fails
   */
  public Chunk next() throws IOException {
    while (ready.isEmpty() && !stopped) {
      if (!readLine()) {
        if (!skipping) {
          finish();
        }
        stopped = true;
        return ready.poll();
      }
      processLine(nextLineNo);
      if (!lineCut) {
        nextLineNo++;
      }
    }
    return ready.poll();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads one line including its terminator into {@link #line}; false at the end of input. */
  private boolean readLine() throws IOException {
    line.setLength(0);
    lineOverflow = false;
    continuation = lineCut;
    lineCut = false;
    while (true) {
      if (pos == len) {
        if (eof) {
          return line.length() > 0 || lineOverflow;
        }
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          eof = true;
          continue;
        }
      }
      int start = pos;
      int end = len;
      int i = start;
      while (i < end && buf[i] != '\n') {
        i++;
      }
      boolean complete = i < end;
      if (complete) {
        i++;
      }
      pos = i;
      line.append(buf, start, i - start);
      if (complete) {
        return true;
      }
      if (line.length() > maxBytes) {
        // a line longer than any document: handled in pieces, never held whole
        lineOverflow = true;
        lineCut = true;
        return true;
      }
    }
  }

  private void processLine(int lineNo) {
    boolean lineStart = !continuation;
    if (skipping) {
      if (lineStart && (isDocumentStart(line, 0) || (line.length() > 0 && line.charAt(0) == '%'))) {
        skipping = false;
      } else {
        skipped += line.length();
        if (skipped > maxSkip(maxBytes)) {
          ready.add(new Chunk(null, lineNo, -1, false));
          stopped = true;
        }
        return;
      }
    }
    int off = 0;
    if (firstLine) {
      firstLine = false;
      if (line.length() > 0 && line.charAt(0) == '\uFEFF') {
        off = 1;
      }
    }
    boolean marker = lineStart && isDocumentStart(line, off);
    boolean directive = lineStart && line.length() > off && line.charAt(off) == '%';
    if (marker) {
      if (cur != null && !curDirectivesOnly) {
        finish();
      }
      if (cur == null) {
        start(lineNo, 0, false, false);
      }
      curDirectivesOnly = false;
      append(lineNo, off + 3);
    } else if (directive) {
      if (cur != null && !curDirectivesOnly) {
        finish();
      }
      if (cur == null) {
        start(lineNo, 0, false, true);
      }
      append(lineNo, line.length());
    } else {
      if (cur == null) {
        start(lineNo, 0, false, false);
      }
      append(lineNo, off);
    }
  }

  private static boolean isDocumentStart(CharSequence l, int off) {
    int n = l.length();
    if (n < off + 3
        || l.charAt(off) != '-'
        || l.charAt(off + 1) != '-'
        || l.charAt(off + 2) != '-') {
      return false;
    }
    if (n == off + 3) {
      return true;
    }
    char c = l.charAt(off + 3);
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private void start(int lineNo, int column, boolean continues, boolean directivesOnly) {
    cur = new StringBuilder(Math.max(256, (int) Math.min(4096, maxBytes)));
    curLine = lineNo;
    curColumn = column;
    curContinues = continues;
    curBytes = 0;
    curOversized = false;
    curDirectivesOnly = directivesOnly;
    json = LOOKING;
    depth = 0;
    quote = 0;
    prev = ' ';
  }

  private void finish() {
    if (cur == null) {
      return;
    }
    ready.add(new Chunk(curOversized ? null : cur.toString(), curLine, curColumn, curContinues));
    cur = null;
  }

  /**
   * Appends the line to the current chunk, scanning it for JSON values from {@code scanFrom}; cuts
   * the chunk where a second JSON value starts.
   */
  private void append(int lineNo, int scanFrom) {
    if (lineOverflow) {
      json = YAML;
    }
    int segStart = 0;
    int n = line.length();
    if (json != YAML && !curOversized) {
      for (int i = scanFrom; i < n; i++) {
        char c = line.charAt(i);
        if (json == IN_VALUE) {
          if (quote != 0) {
            if (c == '\\' && quote == '"') {
              i++;
            } else if (c == quote) {
              if (quote == '\'' && i + 1 < n && line.charAt(i + 1) == '\'') {
                i++;
              } else {
                quote = 0;
              }
            }
          } else if (c == '"' || c == '\'') {
            if (isBlank(prev) || prev == '{' || prev == '[' || prev == ',' || prev == ':') {
              quote = c;
            }
          } else if (c == '#' && isBlank(prev)) {
            break;
          } else if (c == '{' || c == '[') {
            depth++;
          } else if (c == '}' || c == ']') {
            if (--depth == 0) {
              json = AFTER_VALUE;
            }
          }
          prev = c;
        } else if (!isBlank(c) && c != '\uFEFF') {
          if (c == '#' && (isBlank(prev) || i == 0 || json == LOOKING)) {
            break;
          }
          if (c == '{' || c == '[') {
            if (json == AFTER_VALUE) {
              addSegment(segStart, i);
              if (skipping) {
                return;
              }
              finish();
              start(lineNo, i, true, false);
              segStart = i;
            }
            json = IN_VALUE;
            depth = 1;
            prev = c;
          } else {
            json = YAML;
            break;
          }
        } else {
          prev = c;
        }
      }
      if (json == IN_VALUE || json == AFTER_VALUE) {
        prev = '\n';
      }
    }
    addSegment(segStart, n);
  }

  private void addSegment(int from, int to) {
    if (from >= to) {
      return;
    }
    curBytes += utf8Length(line, from, to);
    if (curOversized) {
      return;
    }
    if (curBytes > maxBytes) {
      // reported at once (not at the document's end, which may never come), then skipped
      curOversized = true;
      finish();
      skipping = true;
      skipped = 0;
      return;
    }
    cur.append(line, from, to);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static long utf8Length(CharSequence s, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        n += 2;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
