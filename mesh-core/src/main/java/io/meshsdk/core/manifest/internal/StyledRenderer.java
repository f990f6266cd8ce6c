package io.meshsdk.core.manifest.internal;

import java.util.List;
import java.util.Map;

/**
 * Renders new parts of a document in that document's own style, for {@link TextPatcher}: block YAML
 * with the document's indentation width and sequence indentation, flow YAML on one line, or JSON
 * (on one line or pretty-printed with the document's indentation). Always renders with {@code
 * "\n"}; the patcher converts line ends. Stateless apart from the style; thread-safe.
 */
final class StyledRenderer {
  /** Spaces per nesting level of block mappings (and of literal block content). */
  private final int width;

  /** Spaces between a mapping key's column and the {@code -} of its block sequence value. */
  private final int seqIndent;

  StyledRenderer(int width, int seqIndent) {
    this.width = width;
    this.seqIndent = seqIndent;
  }

  int width() {
    return width;
  }

  static void spaces(StringBuilder out, int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }

  // ------------------------------------------------------------------------------- block YAML

  /**
   * A block mapping entry at column {@code col}, starting with the indentation, ending with EOL.
   */
  void entry(String key, Object v, int col, StringBuilder out) {
    spaces(out, col);
    YamlEmitter.string(key, out);
    out.append(':');
    value(v, col, out);
  }

  /** The value after {@code key:} of a key at column {@code col}, ending with EOL. */
  void value(Object v, int col, StringBuilder out) {
    if (v instanceof Map && !((Map<?, ?>) v).isEmpty()) {
      out.append('\n');
      mapping((Map<?, ?>) v, col + width, false, out);
    } else if (v instanceof List && !((List<?>) v).isEmpty()) {
      out.append('\n');
      sequence((List<?>) v, col + seqIndent, false, out);
    } else if (v instanceof String && literalChomping((String) v) != null) {
      out.append(' ');
      literal((String) v, col, out);
    } else {
      out.append(' ');
      YamlEmitter.scalar(v, out);
      out.append('\n');
    }
  }

  /** A block mapping whose keys are at {@code col}; the first key without indentation if inline. */
  void mapping(Map<?, ?> m, int col, boolean firstInline, StringBuilder out) {
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (first && firstInline) {
        YamlEmitter.string(String.valueOf(e.getKey()), out);
        out.append(':');
        value(e.getValue(), col, out);
      } else {
        entry(String.valueOf(e.getKey()), e.getValue(), col, out);
      }
      first = false;
    }
  }

  /** A block sequence whose dashes are at {@code dashCol}, items at {@code dashCol + gap}. */
  void sequence(List<?> l, int dashCol, boolean firstInline, StringBuilder out) {
    boolean first = true;
    for (Object v : l) {
      if (!(first && firstInline)) {
        spaces(out, dashCol);
      }
      first = false;
      out.append("- ");
      item(v, dashCol + 2, out);
    }
  }

  /** A sequence item's content at column {@code col}, its first line already indented. */
  void item(Object v, int col, StringBuilder out) {
    if (v instanceof Map && !((Map<?, ?>) v).isEmpty()) {
      mapping((Map<?, ?>) v, col, true, out);
    } else if (v instanceof List && !((List<?>) v).isEmpty()) {
      sequence((List<?>) v, col, true, out);
    } else if (v instanceof String && literalChomping((String) v) != null) {
      literal((String) v, col - 2, out);
    } else {
      YamlEmitter.scalar(v, out);
      out.append('\n');
    }
  }

  // ------------------------------------------------------------------------------- flow YAML

  /** A value in flow context on one line: YAML flow style, or JSON when {@code json}. */
  static void flow(Object v, boolean json, StringBuilder out) {
    if (json) {
      JsonEmitter.write(v, out);
      return;
    }
    if (v instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        flowString(String.valueOf(e.getKey()), out);
        out.append(": ");
        flow(e.getValue(), false, out);
      }
      out.append('}');
    } else if (v instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) v) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        flow(item, false, out);
      }
      out.append(']');
    } else if (v instanceof String) {
      flowString((String) v, out);
    } else {
      YamlEmitter.scalar(v, out);
    }
  }

  /** A string in YAML flow context: plain when safe there too, else double-quoted. */
  static void flowString(String s, StringBuilder out) {
    int at = out.length();
    YamlEmitter.string(s, out);
    char c = out.charAt(at);
    if (c != '\'' && c != '"') {
      for (int i = at; i < out.length(); i++) {
        char x = out.charAt(i);
        if (x == ',' || x == '[' || x == ']' || x == '{' || x == '}' || x == ':' || x == '#') {
          out.setLength(at);
          JsonEmitter.string(s, out);
          return;
        }
      }
    }
  }

  /** A key in flow context. */
  static void flowKey(String key, boolean json, StringBuilder out) {
    if (json) {
      JsonEmitter.string(key, out);
    } else {
      flowString(key, out);
    }
  }

  /**
   * JSON pretty-printed: nested objects and arrays on their own lines, the members of a collection
   * whose opening line is indented by {@code col} at {@code col + step}.
   */
  static void prettyJson(Object v, int col, int step, StringBuilder out) {
    if (v instanceof Map && !((Map<?, ?>) v).isEmpty()) {
      out.append("{\n");
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          out.append(",\n");
        }
        first = false;
        spaces(out, col + step);
        JsonEmitter.string(String.valueOf(e.getKey()), out);
        out.append(": ");
        prettyJson(e.getValue(), col + step, step, out);
      }
      out.append('\n');
      spaces(out, col);
      out.append('}');
    } else if (v instanceof List && !((List<?>) v).isEmpty()) {
      out.append("[\n");
      boolean first = true;
      for (Object item : (List<?>) v) {
        if (!first) {
          out.append(",\n");
        }
        first = false;
        spaces(out, col + step);
        prettyJson(item, col + step, step, out);
      }
      out.append('\n');
      spaces(out, col);
      out.append(']');
    } else {
      JsonEmitter.write(v, out);
    }
  }

  // ---------------------------------------------------------------------------------- literals

  /** As {@link YamlEmitter}: the chomping indicator of a literal block for this string, or null. */
  static String literalChomping(String s) {
    if (s.indexOf('\n') < 0) {
      return null;
    }
    boolean content = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\n' && c != '\t') {
          return null;
        }
      } else if (c >= 0x7F) {
        return null; // keep it simple: non-ASCII multi-line strings are double-quoted
      }
      if (c != '\n' && c != ' ') {
        content = true;
      }
    }
    if (!content) {
      return null;
    }
    int n = s.length();
    if (s.charAt(n - 1) != '\n') {
      return "-";
    }
    return n >= 2 && s.charAt(n - 2) == '\n' ? "+" : "";
  }

  /** {@code |<chomp>} and the lines at {@code col + width}, for a parent at column col. */
  void literal(String s, int col, StringBuilder out) {
    String chomp = literalChomping(s);
    out.append('|');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        continue;
      }
      if (c == ' ') {
        out.append(width);
      }
      break;
    }
    out.append(chomp).append('\n');
    int end = s.length();
    if (!chomp.equals("-")) {
      end--;
    }
    int start = 0;
    while (start <= end) {
      int nl = s.indexOf('\n', start);
      if (nl < 0 || nl > end) {
        nl = end;
      }
      if (nl > start) {
        spaces(out, col + width);
        out.append(s, start, nl);
      }
      out.append('\n');
      start = nl + 1;
    }
  }
}
