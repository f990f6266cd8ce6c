package io.meshsdk.core.manifest.internal;

import io.meshsdk.core.manifest.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A small, fast block-style YAML emitter for generic trees, in the style of kubectl and
 * sigs.k8s.io/yaml: 2-space indentation, sequences under a mapping key not indented, keys in
 * insertion order, {@code {}}/{@code []} only for empty collections.
 *
 * <p>Strings are written plain only when every YAML reader reads them back as the same string (see
 * {@link Scalars}) and the plain form is syntactically safe; otherwise single-quoted, or
 * double-quoted with escapes when they hold characters that need them. Multi-line strings become
 * literal block scalars when they can be represented exactly. Stateless and thread-safe.
 */
public final class YamlEmitter {
  private static final int MAX_SIMPLE_KEY = 1000;
  private static final String SPACES = " ".repeat(64);

  private YamlEmitter() {}

  /**
   * Appends a document's content (without a {@code ---} separator); ends with a line break.
   *
   * @param root the tree
   * @param out where to append
   */
  public static void document(Object root, StringBuilder out) {
    if (root instanceof Map && !((Map<?, ?>) root).isEmpty()) {
      mapping((Map<?, ?>) root, 0, false, out);
    } else if (root instanceof Collection && !((Collection<?>) root).isEmpty()) {
      sequence((Collection<?>) root, 0, false, out);
    } else if (root instanceof String && literalChomping((String) root) != null) {
      literal((String) root, 0, out);
    } else {
      scalar(root, out);
      out.append('\n');
    }
  }

  private static void indent(StringBuilder out, int n) {
    while (n > SPACES.length()) {
      out.append(SPACES);
      n -= SPACES.length();
    }
    out.append(SPACES, 0, n);
  }

  private static void mapping(Map<?, ?> m, int indent, boolean firstInline, StringBuilder out) {
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(first && firstInline)) {
        indent(out, indent);
      }
      first = false;
      String key = String.valueOf(e.getKey());
      if (key.length() > MAX_SIMPLE_KEY) {
        out.append("? ");
        string(key, out);
        out.append('\n');
        indent(out, indent);
      } else {
        string(key, out);
      }
      out.append(':');
      value(e.getValue(), indent, out);
    }
  }

  /** Writes a mapping value after {@code key:}, for a key at column {@code indent}. */
  private static void value(Object v, int indent, StringBuilder out) {
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      if (m.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        mapping(m, indent + 2, false, out);
      }
    } else if (v instanceof Collection) {
      Collection<?> c = (Collection<?>) v;
      if (c.isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        sequence(c, indent, false, out);
      }
    } else if (v instanceof String && literalChomping((String) v) != null) {
      out.append(' ');
      literal((String) v, indent, out);
    } else {
      out.append(' ');
      scalar(v, out);
      out.append('\n');
    }
  }

  private static void sequence(
      Collection<?> c, int indent, boolean firstInline, StringBuilder out) {
    boolean first = true;
    Iterator<?> it = c.iterator();
    while (it.hasNext()) {
      Object v = it.next();
      if (!(first && firstInline)) {
        indent(out, indent);
      }
      first = false;
      out.append('-');
      if (v instanceof Map && !((Map<?, ?>) v).isEmpty()) {
        out.append(' ');
        mapping((Map<?, ?>) v, indent + 2, true, out);
      } else if (v instanceof Collection && !((Collection<?>) v).isEmpty()) {
        out.append(' ');
        sequence((Collection<?>) v, indent + 2, true, out);
      } else if (v instanceof String && literalChomping((String) v) != null) {
        out.append(' ');
        literal((String) v, indent, out);
      } else {
        out.append(' ');
        scalar(v, out);
        out.append('\n');
      }
    }
  }

  /**
   * Appends a scalar (or an empty collection) in flow position, without a line break.
   *
   * @param v the value
   * @param out where to append
   */
  public static void scalar(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String) {
      string((String) v, out);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      out.append(v);
    } else if (v instanceof YamlScalar) {
      YamlScalar s = (YamlScalar) v;
      if (s.isExplicitlyTagged()) {
        out.append(shorthand(s.tag())).append(' ');
        string(s.text(), out);
      } else {
        out.append(s.text());
      }
    } else if (v instanceof Double || v instanceof Float) {
      out.append(formatDouble(((Number) v).doubleValue(), v instanceof Float));
    } else if (v instanceof BigInteger || v instanceof Short || v instanceof Byte) {
      out.append(v);
    } else if (v instanceof BigDecimal) {
      out.append(formatDecimal((BigDecimal) v));
    } else if (v instanceof Map && ((Map<?, ?>) v).isEmpty()) {
      out.append("{}");
    } else if (v instanceof Collection && ((Collection<?>) v).isEmpty()) {
      out.append("[]");
    } else if (v instanceof CharSequence || v instanceof Character) {
      string(v.toString(), out);
    } else {
      throw new IllegalArgumentException(
          "a manifest cannot hold a value of type " + v.getClass().getName());
    }
  }

  /**
   * The tag as written: {@code !!suffix}, {@code !suffix} or {@code !<uri>}, with every character
   * outside the safe URI characters (a {@code !}, {@code %}, space, flow indicator, non-ASCII
   * character…) percent-encoded as UTF-8, so a reader decodes the very same tag.
   */
  static String shorthand(String tag) {
    if (tag.startsWith("tag:yaml.org,2002:")) {
      return "!!" + uriEscaped(tag.substring("tag:yaml.org,2002:".length()));
    }
    if (tag.startsWith("!")) {
      return "!" + uriEscaped(tag.substring(1));
    }
    return "!<" + uriEscaped(tag) + ">";
  }

  private static String uriEscaped(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-;/?:@&=+$_.~*'()".indexOf(c) >= 0)) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      int cp = s.codePointAt(i);
      if (Character.charCount(cp) == 2) {
        i++;
      }
      for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
      }
    }
    return b == null ? s : b.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static String formatDouble(double d, boolean isFloat) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    String s = isFloat ? Float.toString((float) d) : Double.toString(d);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    String exp = s.substring(e + 1);
    return mantissa + "e" + (exp.startsWith("-") ? exp : "+" + exp);
  }

  private static String formatDecimal(BigDecimal d) {
    String s = d.toString();
    int e = s.indexOf('E');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exp = e < 0 ? "" : "e" + s.substring(e + 1);
    if (mantissa.indexOf('.') < 0) {
      mantissa = mantissa + ".0";
    }
    return mantissa + exp;
  }

  // ---------------------------------------------------------------------------------- strings

  private static final int PLAIN = 0;
  private static final int SINGLE = 1;
  private static final int DOUBLE = 2;

  /**
   * Appends a string as a plain, single-quoted or double-quoted scalar on one line.
   *
   * @param s the string
   * @param out where to append
   */
  public static void string(String s, StringBuilder out) {
    switch (style(s)) {
      case PLAIN:
        out.append(s);
        break;
      case SINGLE:
        out.append('\'');
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '\'') {
            out.append('\'');
          }
          out.append(c);
        }
        out.append('\'');
        break;
      default:
        doubleQuoted(s, out);
    }
  }

  private static int style(String s) {
    int n = s.length();
    if (n == 0) {
      return SINGLE;
    }
    boolean plain = true;
    char c0 = s.charAt(0);
    switch (c0) {
      case '-':
        plain = n > 1 && !isBlank(s.charAt(1)) && !s.startsWith("---");
        break;
      case '.':
        plain = !s.startsWith("...");
        break;
      case '?':
      case ':':
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
      case '#':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case '\'':
      case '"':
      case '%':
      case '@':
      case '`':
      case ' ':
        plain = false;
        break;
      default:
        break;
    }
    if (s.charAt(n - 1) == ' ') {
      plain = false;
    }
    char prev = ' ';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\t') {
          return DOUBLE;
        }
        plain = false;
      } else if (c < 0x7F) {
        if (c == ':') {
          if (i + 1 == n || isBlank(s.charAt(i + 1))) {
            plain = false;
          }
        } else if (c == '#') {
          if (isBlank(prev)) {
            plain = false;
          }
        }
      } else if (!isPrintable(s, i, c)) {
        return DOUBLE;
      } else if (Character.isHighSurrogate(c)) {
        i++;
      }
      prev = c;
    }
    if (plain && Scalars.isAmbiguous(s)) {
      plain = false;
    }
    return plain ? PLAIN : SINGLE;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Printable for YAML readers (and not a line break); surrogates only as valid pairs. */
  private static boolean isPrintable(String s, int i, char c) {
    if (c < 0xA0) {
      return false; // DEL and C1 controls, including NEL
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return false;
    }
    return c != 0x2028 && c != 0x2029 && c != 0xFEFF && c != 0xFFFE && c != 0xFFFF;
  }

  private static void doubleQuoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\0':
          out.append("\\0");
          break;
        case 0x07:
          out.append("\\a");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\n':
          out.append("\\n");
          break;
        case 0x0B:
          out.append("\\v");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\r':
          out.append("\\r");
          break;
        case 0x1B:
          out.append("\\e");
          break;
        case 0x85:
          out.append("\\N");
          break;
        case 0x2028:
          out.append("\\L");
          break;
        case 0x2029:
          out.append("\\P");
          break;
        default:
          if (c >= 0x20 && c < 0x7F) {
            out.append(c);
          } else if (isPrintable(s, i, c)) {
            out.append(c);
            if (Character.isHighSurrogate(c)) {
              out.append(s.charAt(++i));
            }
          } else if (c < 0x100) {
            out.append("\\x")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xF, 16));
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
      }
    }
    out.append('"');
  }

  // ---------------------------------------------------------------------------------- literals

  /**
   * The chomping indicator for a literal block scalar holding this string ({@code ""}, {@code "-"}
   * or {@code "+"}), or null when the string is not multi-line or cannot be represented exactly as
   * a literal block.
   */
  private static String literalChomping(String s) {
    int nl = s.indexOf('\n');
    if (nl < 0) {
      return null;
    }
    boolean content = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\n' && c != '\t') {
          return null;
        }
      } else if (c >= 0x7F && !isPrintable(s, i, c)) {
        return null;
      } else if (Character.isHighSurrogate(c)) {
        i++;
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

  /** Writes {@code |<chomp>\n} and the lines, for a parent node at column {@code indent}. */
  private static void literal(String s, int indent, StringBuilder out) {
    String chomp = literalChomping(s);
    out.append('|');
    // an indentation indicator when the first content line starts with a space or is preceded by
    // lines that hold only spaces (auto-detection would take the wrong indentation)
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        continue;
      }
      if (c == ' ') {
        out.append('2');
      }
      break;
    }
    out.append(chomp).append('\n');
    int end = s.length();
    if (!chomp.equals("-")) {
      end--; // the final line break is implied by clip/keep
    }
    int start = 0;
    while (start <= end) {
      int nl = s.indexOf('\n', start);
      if (nl < 0 || nl > end) {
        nl = end;
      }
      if (nl > start) {
        indent(out, indent + 2);
        out.append(s, start, nl);
      }
      out.append('\n');
      start = nl + 1;
    }
  }
}
