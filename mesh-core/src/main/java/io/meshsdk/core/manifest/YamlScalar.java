package io.meshsdk.core.manifest;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A scalar kept verbatim because it is not in canonical form: a plain scalar that YAML 1.1 or YAML
 * 1.2 readers take for something other than a string, but which is not a canonical decimal integer,
 * {@code true}/{@code false} or {@code null} (for example {@code 0755}, {@code 0x1F}, {@code 1e3},
 * {@code 1.10}, {@code yes}, {@code on}, {@code y}, {@code 2024-01-02}, {@code 1_000}, {@code
 * .inf}), or a scalar with an explicit tag other than {@code !!str}, {@code !!int}, {@code !!bool}
 * and {@code !!null} in canonical form (for example {@code !!float 1}, {@code !!binary ...} or a
 * custom {@code !Ref name}).
 *
 * <p>Writing a changed document emits the scalar exactly as it was read, so its meaning is the same
 * for every reader: {@code 0755} stays {@code 0755}, never {@code 493}. Immutable and thread-safe.
 */
public final class YamlScalar {
  private final String tag;
  private final String text;
  private final boolean explicitTag;

  private YamlScalar(String tag, String text, boolean explicitTag) {
    this.tag = Objects.requireNonNull(tag, "tag");
    this.text = Objects.requireNonNull(text, "text");
    this.explicitTag = explicitTag;
  }

  /**
   * A plain (unquoted, untagged) scalar whose type a YAML reader resolves from its text.
   *
   * @param tag the resolved tag, e.g. {@code tag:yaml.org,2002:int}
   * @param text the exact text, e.g. {@code 0755}
   * @return the scalar
   */
  public static YamlScalar plain(String tag, String text) {
    return new YamlScalar(tag, text, false);
  }

  /**
   * A scalar with an explicit tag in the source, written back as {@code TAG TEXT}.
   *
   * @param tag the full tag, e.g. {@code tag:yaml.org,2002:float} or {@code !Ref}
   * @param text the scalar's value as text
   * @return the scalar
   */
  public static YamlScalar tagged(String tag, String text) {
    return new YamlScalar(tag, text, true);
  }

  /**
   * The tag: the explicit one, or the one YAML resolves for the plain text (YAML 1.1 first, then
   * YAML 1.2 core), e.g. {@code tag:yaml.org,2002:bool} for {@code on}.
   *
   * @return the full tag
   */
  public String tag() {
    return tag;
  }

  /**
   * The exact text of the scalar as read (for a tagged scalar, its value without the tag).
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Whether the tag was written explicitly in the source ({@code !!float 1}, {@code !Ref x}).
   *
   * @return true for an explicitly tagged scalar
   */
  public boolean isExplicitlyTagged() {
    return explicitTag;
  }

  /**
   * A best-effort Java value, as a YAML 1.1 reader would see it: {@link Boolean} for booleans
   * ({@code yes}, {@code on}, {@code y}, …), {@link Long} or {@link BigInteger} for integers in any
   * base ({@code 0755} is octal 493, {@code 0x1F} is 31, {@code 1_000} is 1000), {@link Double} for
   * floats ({@code .inf}, {@code 1e3}), {@link LocalDate} or {@link OffsetDateTime} for timestamps
   * when they parse, and the text otherwise (custom tags, binary).
   *
   * @return the value, never null
   */
  public Object value() {
    String t = text.trim();
    try {
      switch (tag) {
        case "tag:yaml.org,2002:bool":
          return bool(t);
        case "tag:yaml.org,2002:int":
          return integer(t);
        case "tag:yaml.org,2002:float":
          return floating(t);
        case "tag:yaml.org,2002:timestamp":
          return timestamp(t);
        default:
          return text;
      }
    } catch (RuntimeException e) {
      return text;
    }
  }

  private static Object bool(String t) {
    switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "true":
      case "yes":
      case "on":
      case "y":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "off":
      case "n":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException(t);
    }
  }

  private static Object integer(String t) {
    String s = t.replace("_", "");
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    BigInteger v;
    if (s.contains(":")) {
      v = BigInteger.ZERO;
      for (String part : s.split(":")) {
        v = v.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
      }
    } else if (s.startsWith("0x") || s.startsWith("0X")) {
      v = new BigInteger(s.substring(2), 16);
    } else if (s.startsWith("0o") || s.startsWith("0O")) {
      v = new BigInteger(s.substring(2), 8);
    } else if (s.startsWith("0b") || s.startsWith("0B")) {
      v = new BigInteger(s.substring(2), 2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      v = new BigInteger(s.substring(1), 8);
    } else {
      v = new BigInteger(s);
    }
    if (negative) {
      v = v.negate();
    }
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  private static Object floating(String t) {
    String s = t.replace("_", "");
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".inf")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals(".nan")) {
      return Double.NaN;
    }
    if (s.contains(":")) {
      boolean negative = s.startsWith("-");
      String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
      String[] parts = body.split(":");
      double v = 0;
      for (String part : parts) {
        v = v * 60 + Double.parseDouble(part);
      }
      return negative ? -v : v;
    }
    return Double.parseDouble(s);
  }

  private static Object timestamp(String t) {
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      String s = t.replaceFirst("[ \t]+", "T").replaceAll("[ \t]+", "");
      if (s.endsWith("z")) {
        s = s.substring(0, s.length() - 1) + "Z";
      }
      if (!s.endsWith("Z") && !s.matches(".*[+-]\\d\\d?(:\\d\\d)?$")) {
        s = s + "Z";
      }
      s = s.replaceFirst("([+-])(\\d)$", "$10$2:00").replaceFirst("([+-]\\d\\d)$", "$1:00");
      return OffsetDateTime.parse(s);
    }
  }

  /**
   * Scalars are equal when tag, text and tag explicitness are equal.
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof YamlScalar)) {
      return false;
    }
    YamlScalar other = (YamlScalar) o;
    return explicitTag == other.explicitTag && tag.equals(other.tag) && text.equals(other.text);
  }

  /**
   * A hash of tag and text.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return tag.hashCode() * 31 + text.hashCode();
  }

  /**
   * The exact text of the scalar.
   *
   * @return {@link #text()}
   */
  @Override
  public String toString() {
    return text;
  }
}
