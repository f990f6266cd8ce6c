package io.meshsdk.core.values;

import io.meshsdk.core.values.internal.GoFormat;

/**
 * The text forms of Go's standard library that Helm and Linkerd print, for output and messages
 * that must match theirs character for character. Stateless and thread-safe.
 */
public final class GoText {
  private GoText() {}

  /**
   * Go's {@code strconv.Quote} (also {@code %q}): a double-quoted string with Go's escapes ({@code
   * \"}, {@code \\}, {@code \n}, {@code \x00}, {@code \u00a0}, …).
   *
   * @param s the text
   * @return the quoted text
   */
  public static String quote(String s) {
    return GoFormat.quote(s);
  }

  /**
   * A {@code float64} as Go's {@code %v} prints it, which is how Helm templates print numbers
   * read from values ({@code strconv.FormatFloat(d, 'g', -1, 64)}): the shortest text that reads
   * back as the same number, in exponent form below 1e-4 and from 1e+06 on ({@code 0.5}, {@code
   * 3}, {@code 123456}, {@code 1e-05}, {@code 1e+06}), {@code NaN}, {@code +Inf}, {@code -Inf}.
   *
   * @param d the number
   * @return the text
   */
  public static String formatFloat(double d) {
    return GoFormat.formatG(d);
  }
}
