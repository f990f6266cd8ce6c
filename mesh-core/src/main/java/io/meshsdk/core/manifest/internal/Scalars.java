package io.meshsdk.core.manifest.internal;

import io.meshsdk.core.manifest.YamlScalar;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * How plain scalars are typed, shared by the reader and the emitter so that both agree: a plain
 * text is a string exactly when SnakeYAML's YAML 1.1 resolver, the YAML 1.2 core schema and go-yaml
 * v2 (which also reads {@code y}/{@code n} as booleans) all read it as a string.
 */
public final class Scalars {
  /** SnakeYAML's resolver: read-only after construction, so safe to share between threads. */
  private static final Resolver RESOLVER = new Resolver();

  private static final Pattern CORE_12 =
      Pattern.compile(
          "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
              + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

  private static final Pattern INT_12 = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");

  /**
   * Every character that can follow the first one in YAML 1.1 or 1.2 integers (binary, octal, hex,
   * sexagesimal, underscores), floats ({@code .inf}, {@code .nan}) and timestamps.
   */
  private static final String NUMERIC_CHARS = "0123456789_.+-:eExXoObBabcdfABCDFtTzZ \tiInN";

  private static final String INT = "tag:yaml.org,2002:int";
  private static final String FLOAT = "tag:yaml.org,2002:float";
  private static final String BOOL = "tag:yaml.org,2002:bool";
  private static final String NULL = "tag:yaml.org,2002:null";

  private Scalars() {}

  /**
   * The Java value of a plain scalar: {@code null}, a {@link Boolean}, an {@link Integer}/{@link
   * Long}/{@link BigInteger} for canonical forms, a {@link String} for unambiguous text, and a
   * {@link YamlScalar} for everything else.
   *
   * @param s the plain text
   * @return the value
   */
  public static Object plain(String s) {
    int n = s.length();
    if (n == 0) {
      return null;
    }
    char c = s.charAt(0);
    if (!mayResolve(c)) {
      return s;
    }
    switch (s) {
      case "null":
      case "Null":
      case "NULL":
      case "~":
        return null;
      case "true":
      case "True":
      case "TRUE":
        return Boolean.TRUE;
      case "false":
      case "False":
      case "FALSE":
        return Boolean.FALSE;
      default:
        break;
    }
    Object number = canonicalInteger(s);
    if (number != null) {
      return number;
    }
    String tag = nonStringTag(s);
    return tag == null ? s : YamlScalar.plain(tag, s);
  }

  /**
   * Whether a plain scalar with this text would be read as something other than the string itself
   * by some YAML reader.
   *
   * @param s the text (non-empty)
   * @return true when the text must be quoted to stay a string
   */
  public static boolean isAmbiguous(String s) {
    return s.isEmpty() || (mayResolve(s.charAt(0)) && nonStringTag(s) != null);
  }

  /**
   * The tag under which some YAML reader resolves the plain text, or null when every reader takes
   * it for a string.
   */
  static String nonStringTag(String s) {
    char c = s.charAt(0);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return wordTag(s);
    }
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      for (int i = 1; i < s.length(); i++) {
        if (NUMERIC_CHARS.indexOf(s.charAt(i)) < 0) {
          return null; // no number, timestamp, infinity or NaN has this character
        }
      }
    }
    return resolvedTag(s);
  }

  /** {@link #nonStringTag} through the resolvers' regular expressions. */
  static String resolvedTag(String s) {
    Tag t = RESOLVER.resolve(NodeId.scalar, s, true);
    if (!Tag.STR.equals(t)) {
      return t.getValue();
    }
    if (CORE_12.matcher(s).matches()) {
      return INT_12.matcher(s).matches() ? INT : FLOAT;
    }
    switch (s) {
      case "=":
        return "tag:yaml.org,2002:value"; // YAML 1.1's value key; PyYAML cannot even construct it
      case "y":
      case "Y":
      case "n":
      case "N":
        return BOOL;
      default:
        return null;
    }
  }

  /**
   * {@link #nonStringTag} for a text starting with an ASCII letter, without regular expressions: of
   * the resolvers' patterns only YAML 1.1's booleans and nulls (and go-yaml v2's {@code y}/{@code
   * n}) start with a letter.
   */
  private static String wordTag(String s) {
    switch (s) {
      case "yes":
      case "Yes":
      case "YES":
      case "no":
      case "No":
      case "NO":
      case "true":
      case "True":
      case "TRUE":
      case "false":
      case "False":
      case "FALSE":
      case "on":
      case "On":
      case "ON":
      case "off":
      case "Off":
      case "OFF":
      case "y":
      case "Y":
      case "n":
      case "N":
        return BOOL;
      case "null":
      case "Null":
      case "NULL":
        return NULL;
      default:
        return null;
    }
  }

  /** Only texts starting with these characters resolve to anything but a string. */
  private static boolean mayResolve(char c) {
    if (c >= '0' && c <= '9') {
      return true;
    }
    switch (c) {
      case '-':
      case '+':
      case '.':
      case '~':
      case '<':
      case '=':
      case '!':
      case '&':
      case '*':
      case 'y':
      case 'Y':
      case 'n':
      case 'N':
      case 'o':
      case 'O':
      case 't':
      case 'T':
      case 'f':
      case 'F':
        return true;
      default:
        return false;
    }
  }

  /**
   * The number for a canonical decimal integer ({@code [-+]?(0|[1-9][0-9]*)}), as the smallest of
   * Integer, Long and BigInteger that holds it; null for any other text.
   *
   * @param s the text
   * @return the number or null
   */
  public static Number canonicalInteger(String s) {
    int n = s.length();
    int i = 0;
    char c = s.charAt(0);
    if (c == '-' || c == '+') {
      i = 1;
      if (n == 1) {
        return null;
      }
    }
    char first = s.charAt(i);
    if (first < '0' || first > '9' || (first == '0' && n > i + 1)) {
      return null;
    }
    for (int j = i + 1; j < n; j++) {
      char d = s.charAt(j);
      if (d < '0' || d > '9') {
        return null;
      }
    }
    int digits = n - i;
    if (digits <= 9) {
      return Integer.parseInt(s);
    }
    if (digits <= 18) {
      long v = Long.parseLong(s);
      return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Number) (int) v : (Number) v;
    }
    BigInteger b = new BigInteger(s);
    if (b.bitLength() < 32) {
      return b.intValue();
    }
    return b.bitLength() < 64 ? (Number) b.longValue() : b;
  }
}
