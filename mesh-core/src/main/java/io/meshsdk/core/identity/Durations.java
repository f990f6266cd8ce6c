package io.meshsdk.core.identity;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and names durations such as expiry horizons and validity periods. Stateless.
 *
 * <p>Accepted forms: a sequence of number-unit pairs with units {@code d}, {@code h}, {@code m},
 * {@code s} ({@code 60d}, {@code 1440h}, {@code 1d12h}), or ISO-8601 ({@code P60D}, {@code
 * PT1440H}). A day is 24 hours.
 */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(?:\\d+[dhms])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param text e.g. {@code 60d}, {@code 1440h} or {@code P60D}
   * @return the duration
   * @throws IdentityException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.strip();
    if (SIMPLE.matcher(t).matches()) {
      Duration d = Duration.ZERO;
      Matcher m = PART.matcher(t);
      try {
        while (m.find()) {
          long n = Long.parseLong(m.group(1));
          switch (m.group(2)) {
            case "d":
              d = d.plus(Duration.ofDays(n));
              break;
            case "h":
              d = d.plus(Duration.ofHours(n));
              break;
            case "m":
              d = d.plus(Duration.ofMinutes(n));
              break;
            default:
              d = d.plus(Duration.ofSeconds(n));
          }
        }
        return d;
      } catch (ArithmeticException | NumberFormatException e) {
        throw invalid(t);
      }
    }
    if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        throw invalid(t);
      }
    }
    throw invalid(t);
  }

  private static IdentityException invalid(String t) {
    return new IdentityException(
        "invalid duration '"
            + t
            + "': use e.g. 60d, 1440h, 1d12h or an ISO-8601 duration such as P60D");
  }

  /**
   * Names a duration in the largest whole unit, as check descriptions use it.
   *
   * @param d a duration
   * @return e.g. {@code 60 days}, {@code 1 day}, {@code 36 hours}, {@code 90 minutes}, {@code 45
   *     seconds}
   */
  public static String describe(Duration d) {
    long s = d.getSeconds();
    if (d.getNano() == 0 && s != 0) {
      if (s % 86_400 == 0) {
        return plural(s / 86_400, "day");
      }
      if (s % 3_600 == 0) {
        return plural(s / 3_600, "hour");
      }
      if (s % 60 == 0) {
        return plural(s / 60, "minute");
      }
    }
    return d.getNano() == 0 ? plural(s, "second") : d.toString();
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
