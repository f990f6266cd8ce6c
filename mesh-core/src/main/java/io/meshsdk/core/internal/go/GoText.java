package io.meshsdk.core.internal.go;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's text forms ({@code %v}, {@code %q}, JSON strings and floats) for messages and output that
 * must match Go programs (Helm, Linkerd) character for character. Shared by Mesh SDK's modules; not
 * API. Stateless and thread-safe.
 */
public final class GoText {
  private GoText() {}

  /**
   * Go's {@code strconv.Quote}: a double-quoted string with Go escapes.
   *
   * @param s the text
   * @return the quoted text
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> appendEscaped(b, c, '"'));
    return b.append('"').toString();
  }

  /**
   * Go's {@code %q} applied to a {@code []rune}: {@code ['n' 'a' 'm' 'e']}.
   *
   * @param s the runes as a string
   * @return the formatted runes
   */
  public static String quoteRunes(String s) {
    List<String> parts = new ArrayList<>();
    s.codePoints()
        .forEach(
            c -> {
              StringBuilder b = new StringBuilder("'");
              appendEscaped(b, c, '\'');
              parts.add(b.append('\'').toString());
            });
    return "[" + String.join(" ", parts) + "]";
  }

  private static void appendEscaped(StringBuilder b, int c, char quote) {
    if (c == quote || c == '\\') {
      b.append('\\').appendCodePoint(c);
      return;
    }
    switch (c) {
      case 7 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 11 -> b.append("\\v");
      default -> {
        if (isPrint(c)) {
          b.appendCodePoint(c);
        } else if (c < 0x80) {
          b.append(String.format("\\x%02x", c));
        } else if (c < 0x10000) {
          b.append(String.format("\\u%04x", c));
        } else {
          b.append(String.format("\\U%08x", c));
        }
      }
    }
  }

  private static boolean isPrint(int c) {
    if (c == ' ') {
      return true;
    }
    int t = Character.getType(c);
    return !(Character.isISOControl(c)
        || Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || t == Character.UNASSIGNED
        || t == Character.SURROGATE
        || t == Character.PRIVATE_USE
        || t == Character.FORMAT);
  }

  /**
   * Go's {@code %v} of a values tree: maps as {@code map[k:v ...]} with sorted keys, lists as
   * {@code [a b]}, null as {@code <nil>}, floats in Go's shortest {@code %g} form.
   *
   * @param v the value
   * @return the text
   */
  public static String value(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        if (!first) {
          b.append(' ');
        }
        first = false;
        b.append(e.getKey()).append(':').append(value(e.getValue()));
      }
      return b.append(']').toString();
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(value(o));
      }
      return "[" + String.join(" ", parts) + "]";
    }
    if (v instanceof Double d) {
      return formatFloat(d);
    }
    return String.valueOf(v);
  }

  /**
   * Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, which is also {@code %v}.
   *
   * @param d the number
   * @return the text
   */
  public static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    Digits g = digits(d);
    int exp = g.dp - 1;
    return (exp < -4 || exp >= 6) ? g.e() : g.f();
  }

  /**
   * Go's {@code encoding/json} text of a float64: {@code 'f'} form for 1e-6 &lt;= |x| &lt; 1e21,
   * otherwise {@code 'e'} form with a short exponent ({@code 1e-7}, {@code 1e+21}).
   *
   * @param d the number (finite)
   * @return the JSON text
   */
  public static String jsonNumber(double d) {
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    double abs = Math.abs(d);
    Digits g = digits(d);
    if (abs < 1e-6 || abs >= 1e21) {
      String s = g.e();
      int n = s.length();
      if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
        s = s.substring(0, n - 2) + s.charAt(n - 1);
      }
      return s;
    }
    return g.f();
  }

  private record Digits(boolean negative, String digits, int dp) {
    String f() {
      StringBuilder b = new StringBuilder();
      if (negative) {
        b.append('-');
      }
      if (dp <= 0) {
        b.append("0.");
        b.append("0".repeat(-dp));
        b.append(digits);
      } else if (dp >= digits.length()) {
        b.append(digits).append("0".repeat(dp - digits.length()));
      } else {
        b.append(digits, 0, dp).append('.').append(digits.substring(dp));
      }
      return b.toString();
    }

    String e() {
      StringBuilder b = new StringBuilder();
      if (negative) {
        b.append('-');
      }
      b.append(digits.charAt(0));
      if (digits.length() > 1) {
        b.append('.').append(digits.substring(1));
      }
      int exp = dp - 1;
      b.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        b.append('0');
      }
      return b.append(a).toString();
    }
  }

  /**
   * The shortest decimal that reads back as {@code d}, and among those the closest, as Go's {@code
   * strconv} picks it. ({@code Double.toString} is not always the shortest before JDK 19, e.g.
   * {@code 1e23} gives {@code 9.999999999999999E22}.)
   */
  private static Digits digits(double d) {
    double a = Math.abs(d);
    BigDecimal exact = new BigDecimal(a);
    BigDecimal best = null;
    for (int p = 1; p <= 17 && best == null; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      BigDecimal unit = BigDecimal.ONE.movePointLeft(r.scale());
      // the nearest p-digit decimal, or a neighbour when the round-trip interval is lopsided
      for (BigDecimal c : new BigDecimal[] {r, r.subtract(unit), r.add(unit)}) {
        if (c.signum() > 0
            && c.precision() <= p
            && c.doubleValue() == a
            && (best == null
                || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = c;
        }
      }
    }
    BigDecimal bd = best.stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    return new Digits(d < 0, digits, digits.length() - bd.scale());
  }

  /**
   * Appends a JSON string literal as Go's {@code encoding/json} writes it: {@code \"}, {@code \\},
   * the short escapes {@code \n \r \t \b \f}, {@code \}{@code u00XX} for other control characters
   * and for U+2028/U+2029, and, with {@code escapeHtml}, for {@code <}, {@code >} and {@code &}
   * ({@code json.Marshal}'s default). A lone surrogate becomes U+FFFD, as Go replaces invalid
   * UTF-8.
   *
   * @param s the string
   * @param escapeHtml whether to escape {@code <}, {@code >} and {@code &}
   * @param out where to append
   */
  public static void appendJsonString(String s, boolean escapeHtml, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20
              || c == '\u2028'
              || c == '\u2029'
              || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * A JSON string literal as Go's {@code json.Marshal} writes it (HTML characters escaped).
   *
   * @param s the string
   * @return the literal, quotes included
   * @see #appendJsonString(String, boolean, StringBuilder)
   */
  public static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendJsonString(s, true, b);
    return b.toString();
  }
}
