package io.meshsdk.core.internal.go;

import java.math.BigInteger;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String()}, exactly, for the duration-valued
 * Linkerd annotations and the {@code --close-wait-timeout} option.
 */
public final class GoDuration {
  private static final long NS = 1L;
  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  private GoDuration() {}

  /**
   * Parses a Go duration such as {@code 1h2m3.5s}, {@code 100ms} or {@code 0}.
   *
   * @param text the duration text
   * @return the duration in nanoseconds
   * @throws IllegalArgumentException with Go's wording when the text is not a duration
   */
  public static long parse(String text) {
    String s = text;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigInteger limit = BigInteger.ONE.shiftLeft(63);
    BigInteger d = BigInteger.ZERO;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        throw invalid(text);
      }
      int start = i;
      BigInteger v = BigInteger.ZERO;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = v.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
        if (v.compareTo(limit) > 0) {
          throw invalid(text);
        }
        i++;
      }
      boolean pre = i != start;
      boolean post = false;
      long f = 0;
      double scale = 1;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fs = i;
        boolean overflow = false;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          if (!overflow) {
            if (f > Long.MAX_VALUE / 10) {
              overflow = true;
            } else {
              long y = f * 10 + (s.charAt(i) - '0');
              if (y < 0) {
                overflow = true;
              } else {
                f = y;
                scale *= 10;
              }
            }
          }
          i++;
        }
        post = i != fs;
      }
      if (!pre && !post) {
        throw invalid(text);
      }
      int us = i;
      while (i < s.length()) {
        char u = s.charAt(i);
        if (u == '.' || (u >= '0' && u <= '9')) {
          break;
        }
        i++;
      }
      if (us == i) {
        throw new IllegalArgumentException("time: missing unit in duration " + GoText.quote(text));
      }
      String unitText = s.substring(us, i);
      long unit = unit(unitText);
      if (unit == 0) {
        throw new IllegalArgumentException(
            "time: unknown unit " + GoText.quote(unitText) + " in duration " + GoText.quote(text));
      }
      v = v.multiply(BigInteger.valueOf(unit));
      if (v.compareTo(limit) > 0) {
        throw invalid(text);
      }
      if (f > 0) {
        v = v.add(BigInteger.valueOf((long) ((double) f * ((double) unit / scale))));
        if (v.compareTo(limit) > 0) {
          throw invalid(text);
        }
      }
      d = d.add(v);
      if (d.compareTo(limit) > 0) {
        throw invalid(text);
      }
    }
    if (neg) {
      return d.negate().longValue();
    }
    if (d.compareTo(limit) >= 0) {
      throw invalid(text);
    }
    return d.longValue();
  }

  private static long unit(String u) {
    switch (u) {
      case "ns":
        return NS;
      case "us":
      case "\u00b5s":
      case "\u03bcs":
        return US;
      case "ms":
        return MS;
      case "s":
        return S;
      case "m":
        return M;
      case "h":
        return H;
      default:
        return 0;
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration " + GoText.quote(text));
  }

  /**
   * Go's {@code Duration.Seconds()}: whole seconds plus the fraction, as a double computed the way
   * Go computes it.
   *
   * @param nanos the duration
   * @return the seconds
   */
  public static double seconds(long nanos) {
    long sec = nanos / S;
    long nsec = nanos % S;
    return (double) sec + (double) nsec / 1e9;
  }

  /**
   * Go's {@code Duration.String()}, e.g. {@code 1m0s}, {@code 1.5s}, {@code 100ms}, {@code 0s}.
   *
   * @param nanos the duration in nanoseconds
   * @return Go's text for it
   */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean neg = nanos < 0;
    // unsigned magnitude (Long.MIN_VALUE stays as its unsigned value)
    long u = neg ? -nanos : nanos;
    StringBuilder sb = new StringBuilder();
    if (Long.compareUnsigned(u, S) < 0) {
      int prec;
      String unit;
      if (u < US) {
        prec = 0;
        unit = "ns";
      } else if (u < MS) {
        prec = 3;
        unit = "\u00b5s";
      } else {
        prec = 6;
        unit = "ms";
      }
      String frac = frac(u, prec);
      long whole = div(u, pow10(prec));
      sb.append(Long.toUnsignedString(whole)).append(frac).append(unit);
    } else {
      String frac = frac(u, 9);
      long secs = div(u, S);
      long s = Long.remainderUnsigned(secs, 60);
      long mins = Long.divideUnsigned(secs, 60);
      StringBuilder rest = new StringBuilder();
      rest.append(s).append(frac).append('s');
      if (mins > 0) {
        long m = mins % 60;
        long hours = mins / 60;
        rest.insert(0, m + "m");
        if (hours > 0) {
          rest.insert(0, hours + "h");
        }
      }
      sb.append(rest);
    }
    if (neg) {
      sb.insert(0, '-');
    }
    return sb.toString();
  }

  private static long pow10(int p) {
    long r = 1;
    for (int i = 0; i < p; i++) {
      r *= 10;
    }
    return r;
  }

  private static long div(long u, long d) {
    return Long.divideUnsigned(u, d);
  }

  private static String frac(long u, int prec) {
    if (prec == 0) {
      return "";
    }
    long rem = Long.remainderUnsigned(u, pow10(prec));
    if (rem == 0) {
      return "";
    }
    String digits = String.format("%0" + prec + "d", rem);
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return "." + digits.substring(0, end);
  }
}
