package io.meshsdk.core.internal.go;

import io.meshsdk.core.values.internal.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Go's {@code encoding/json} reads it into {@code interface{}} (one value from a stream:
 * numbers become doubles, the value ends where its syntax ends, anything after it is left for the
 * caller) and a compact writer. Not API.
 */
public final class GoJson {
  private static final int MAX_DEPTH = 10000;

  private GoJson() {}

  /** A syntax error at an offset of the decoded text. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    /** Index into the decoded string. */
    private final int offset;

    SyntaxError(String message, int offset) {
      super(message, null, false, false);
      this.offset = offset;
    }

    /**
     * Where the error was found.
     *
     * @return the index into the decoded string
     */
    public int offset() {
      return offset;
    }
  }

  /**
   * One decoded value and the index just after it.
   *
   * @param value the value (Map, List, String, Double, Boolean or null)
   * @param end the index after the value's last character
   */
  public record Decoded(Object value, int end) {}

  /**
   * Decodes one JSON value starting at {@code start} (leading JSON whitespace is skipped), like
   * {@code json.Decoder.Decode} followed by {@code InputOffset}.
   *
   * @param s the text
   * @param start where to begin
   * @return the value and the index just after it
   * @throws SyntaxError with Go's wording when the text is not one JSON value
   */
  public static Decoded decode(String s, int start) throws SyntaxError {
    return decode(s, start, MAX_DEPTH);
  }

  /**
   * Like {@link #decode(String, int)}, with nesting limited to {@code maxDepth} levels (below Go's
   * own 10000, the error names the limit).
   *
   * @param s the text
   * @param start where to begin
   * @param maxDepth the deepest nesting accepted
   * @return the value and the index just after it
   * @throws SyntaxError with Go's wording when the text is not one JSON value
   */
  public static Decoded decode(String s, int start, int maxDepth) throws SyntaxError {
    return new Reader(s, start, Math.min(maxDepth, MAX_DEPTH)).readTop();
  }

  private static final class Reader {
    private final String s;
    private final int maxDepth;
    private int pos;

    Reader(String s, int pos, int maxDepth) {
      this.s = s;
      this.pos = pos;
      this.maxDepth = maxDepth;
    }

    private SyntaxError eof() {
      return new SyntaxError("unexpected EOF", s.length());
    }

    private SyntaxError bad(int c, String context) {
      return new SyntaxError("invalid character " + quoteChar(c) + " " + context, pos);
    }

    private void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    private int peek() {
      return pos < s.length() ? s.codePointAt(pos) : -1;
    }

    @SuppressWarnings("unchecked")
    Decoded readTop() throws SyntaxError {
      // containers under construction; for maps the pending key sits in keys
      Deque<Object> stack = new ArrayDeque<>();
      Deque<String> keys = new ArrayDeque<>();
      skipSpace();
      while (true) {
        // read the beginning of a value
        skipSpace();
        int c = peek();
        Object value;
        boolean complete;
        if (c == -1) {
          throw eof();
        } else if (c == '{' || c == '[') {
          if (stack.size() >= maxDepth) {
            throw new SyntaxError(
                maxDepth == MAX_DEPTH
                    ? "exceeded max depth"
                    : "nesting deeper than " + Trees.MAX_DEPTH + " levels (the values limit)",
                pos);
          }
          pos++;
          Object container = c == '{' ? new LinkedHashMap<String, Object>() : new ArrayList<>();
          skipSpace();
          int n = peek();
          if (c == '{' && n == '}' || c == '[' && n == ']') {
            pos++;
            value = container;
            complete = true;
          } else {
            stack.push(container);
            if (c == '{') {
              keys.push(readKey());
            }
            continue;
          }
        } else {
          value = readScalar();
          complete = true;
        }
        // a value is complete: attach it and close containers as far as possible
        while (complete) {
          if (stack.isEmpty()) {
            return new Decoded(value, pos);
          }
          Object top = stack.peek();
          if (top instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(keys.pop(), value);
          } else {
            ((List<Object>) top).add(value);
          }
          skipSpace();
          int n = peek();
          if (n == -1) {
            throw eof();
          }
          if (n == ',') {
            pos++;
            if (top instanceof Map<?, ?>) {
              keys.push(readKey());
            }
            complete = false;
          } else if (top instanceof Map<?, ?> && n == '}' || top instanceof List<?> && n == ']') {
            pos++;
            value = stack.pop();
          } else {
            throw bad(
                n,
                top instanceof Map<?, ?> ? "after object key:value pair" : "after array element");
          }
        }
      }
    }

    /** Reads {@code "key" :} and leaves the position at the value. */
    private String readKey() throws SyntaxError {
      skipSpace();
      int c = peek();
      if (c == -1) {
        throw eof();
      }
      if (c != '"') {
        throw bad(c, "looking for beginning of object key string");
      }
      String key = readString();
      skipSpace();
      int n = peek();
      if (n == -1) {
        throw eof();
      }
      if (n != ':') {
        throw bad(n, "after object key");
      }
      pos++;
      return key;
    }

    private Object readScalar() throws SyntaxError {
      int c = peek();
      switch (c) {
        case '"':
          return readString();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
          }
          throw bad(c, "looking for beginning of value");
      }
    }

    private void literal(String word) throws SyntaxError {
      for (int i = 0; i < word.length(); i++) {
        int c = peek();
        if (c == -1) {
          throw eof();
        }
        if (c != word.charAt(i)) {
          throw bad(c, "in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
        }
        pos++;
      }
    }

    private Double readNumber() throws SyntaxError {
      int begin = pos;
      if (peek() == '-') {
        pos++;
        int c = peek();
        if (c == -1) {
          throw eof();
        }
        if (c < '0' || c > '9') {
          throw bad(c, "in numeric literal");
        }
      }
      if (peek() == '0') {
        pos++;
      } else {
        while (isDigit(peek())) {
          pos++;
        }
      }
      if (peek() == '.') {
        pos++;
        int c = peek();
        if (c == -1) {
          throw eof();
        }
        if (!isDigit(c)) {
          throw bad(c, "after decimal point in numeric literal");
        }
        while (isDigit(peek())) {
          pos++;
        }
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        int c = peek();
        if (c == -1) {
          throw eof();
        }
        if (!isDigit(c)) {
          throw bad(c, "in exponent of numeric literal");
        }
        while (isDigit(peek())) {
          pos++;
        }
      }
      String text = s.substring(begin, pos);
      double d = Double.parseDouble(text);
      if (Double.isInfinite(d)) {
        throw new SyntaxError(
            "json: cannot unmarshal number " + text + " into Go value of type float64", begin);
      }
      return d;
    }

    private static boolean isDigit(int c) {
      return c >= '0' && c <= '9';
    }

    private String readString() throws SyntaxError {
      pos++; // opening quote
      StringBuilder b = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw eof();
        }
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          return b.toString();
        }
        if (c < 0x20) {
          throw bad(c, "in string literal");
        }
        if (c != '\\') {
          b.append(c);
          pos++;
          continue;
        }
        pos++;
        if (pos >= s.length()) {
          throw eof();
        }
        char e = s.charAt(pos);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            int r = hex4(pos + 1);
            pos += 4;
            if (Character.isSurrogate((char) r)) {
              int r2 = -1;
              if (Character.isHighSurrogate((char) r)
                  && pos + 6 < s.length()
                  && s.charAt(pos + 1) == '\\'
                  && s.charAt(pos + 2) == 'u') {
                try {
                  r2 = hex4(pos + 3);
                } catch (SyntaxError ignored) {
                  r2 = -1;
                }
              }
              if (r2 >= 0 && Character.isLowSurrogate((char) r2)) {
                b.append((char) r).append((char) r2);
                pos += 6;
              } else {
                b.append('\uFFFD');
              }
            } else {
              b.append((char) r);
            }
          }
          default -> throw bad(e, "in string escape code");
        }
        pos++;
      }
    }

    private int hex4(int at) throws SyntaxError {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        if (at + i >= s.length()) {
          pos = s.length();
          throw eof();
        }
        char c = s.charAt(at + i);
        int d =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                ? Character.digit(c, 16)
                : -1;
        if (d < 0) {
          pos = at + i;
          throw bad(c, "in \\u hexadecimal character escape");
        }
        v = v * 16 + d;
      }
      return v;
    }
  }

  private static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String q = GoText.quote(new String(Character.toChars(c)));
    return "'" + q.substring(1, q.length() - 1) + "'";
  }

  /**
   * Writes a values tree as compact JSON (no spaces; map keys in insertion order; nulls kept;
   * doubles in Go's JSON number form).
   *
   * @param value the tree
   * @return the JSON text
   * @throws IllegalArgumentException for NaN or infinite numbers, which JSON cannot hold
   */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        GoText.appendJsonString(String.valueOf(e.getKey()), false, b);
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, l.get(i));
      }
      b.append(']');
    } else if (v instanceof String s) {
      GoText.appendJsonString(s, false, b);
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException("json: unsupported value: " + GoText.formatFloat(d));
      }
      b.append(GoText.jsonNumber(d));
    } else {
      b.append(v);
    }
  }
}
