package io.meshsdk.inject.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Kubernetes {@code resource.Quantity}: parsing with its exact grammar and the canonical text
 * Kubernetes serializes ({@code 0.5} becomes {@code 500m}, {@code 1024Mi} becomes {@code 1Gi}).
 * Linkerd's typed output canonicalizes the proxy's resources this way.
 */
public final class Quantity {
  private enum Format {
    DECIMAL_SI,
    BINARY_SI,
    DECIMAL_EXPONENT
  }

  /** SI suffixes: decimal ones to their power of ten, binary ones to their power of two. */
  private static final Map<String, Integer> SUFFIXES =
      Map.ofEntries(
          Map.entry("", 0),
          Map.entry("n", -9),
          Map.entry("u", -6),
          Map.entry("m", -3),
          Map.entry("k", 3),
          Map.entry("M", 6),
          Map.entry("G", 9),
          Map.entry("T", 12),
          Map.entry("P", 15),
          Map.entry("E", 18),
          Map.entry("Ki", 10),
          Map.entry("Mi", 20),
          Map.entry("Gi", 30),
          Map.entry("Ti", 40),
          Map.entry("Pi", 50),
          Map.entry("Ei", 60));

  private static final String[] DECIMAL_SUFFIXES = {
    "n", "u", "m", "", "k", "M", "G", "T", "P", "E"
  };

  private static final BigInteger TEN = BigInteger.TEN;
  private static final BigInteger K1024 = BigInteger.valueOf(1024);
  private static final BigDecimal MAX_ALLOWED = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE));

  /**
   * The largest decimal exponent accepted ({@code 1e64}). Kubernetes accepts any int32 exponent,
   * but {@code 1e99999999} takes minutes of big-number arithmetic and no resource needs it.
   */
  static final int MAX_EXPONENT = 64;

  /** The longest quantity text accepted. */
  static final int MAX_LENGTH = 128;

  private final BigDecimal value;
  private final Format format;
  private final String cached;

  private Quantity(BigDecimal value, Format format, String cached) {
    this.value = value;
    this.format = format;
    this.cached = cached;
  }

  /**
   * Parses a quantity.
   *
   * @param str the text, e.g. {@code 100m}, {@code 1.5Gi}, {@code 1e3}
   * @return the quantity
   * @throws IllegalArgumentException with Kubernetes' wording when the text is not a quantity
   */
  public static Quantity parse(String str) {
    if (str.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "quantities longer than "
              + MAX_LENGTH
              + " characters are not supported (this one has "
              + str.length()
              + ")");
    }
    if (str.isEmpty()) {
      throw new IllegalArgumentException(
          "quantities must match the regular expression "
              + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
    if (str.equals("0")) {
      return new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI, null);
    }
    boolean positive = true;
    int pos = 0;
    int end = str.length();
    if (str.charAt(0) == '-') {
      positive = false;
      pos++;
    } else if (str.charAt(0) == '+') {
      pos++;
    }
    while (pos < end && str.charAt(pos) == '0') {
      pos++;
    }
    String num;
    String denom = "";
    String suffix = "";
    if (pos >= end) {
      num = "0";
    } else {
      int i = pos;
      while (i < end && isDigit(str.charAt(i))) {
        i++;
      }
      num = str.substring(pos, i);
      pos = i;
      if (num.isEmpty()) {
        num = "0";
      }
      if (pos < end && str.charAt(pos) == '.') {
        pos++;
        i = pos;
        while (i < end && isDigit(str.charAt(i))) {
          i++;
        }
        denom = str.substring(pos, i);
        pos = i;
      }
      int suffixStart = pos;
      i = pos;
      while (i < end && "eEinumkKMGTP".indexOf(str.charAt(i)) >= 0) {
        i++;
      }
      pos = i;
      if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
        pos++;
      }
      i = pos;
      while (i < end && isDigit(str.charAt(i))) {
        i++;
      }
      if (i < end) {
        throw new IllegalArgumentException(
            "quantities must match the regular expression "
                + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
      }
      suffix = str.substring(suffixStart, end);
    }
    int base;
    int exponent;
    Format format;
    Integer si = SUFFIXES.get(suffix);
    if (si != null) {
      base = suffix.endsWith("i") ? 2 : 10;
      exponent = si;
      format = base == 2 ? Format.BINARY_SI : Format.DECIMAL_SI;
    } else if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      long e;
      try {
        e = Long.parseLong(suffix.substring(1));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("unable to parse quantity's suffix");
      }
      if (e != (int) e) { // Kubernetes parses the exponent as an int32
        throw new IllegalArgumentException("unable to parse quantity's suffix");
      }
      if (Math.abs(e) > MAX_EXPONENT) {
        throw new IllegalArgumentException(
            "quantity exponent "
                + e
                + " is out of range (at most "
                + MAX_EXPONENT
                + " either way)");
      }
      base = 10;
      exponent = (int) e;
      format = Format.DECIMAL_EXPONENT;
    } else {
      throw new IllegalArgumentException("unable to parse quantity's suffix");
    }

    // Kubernetes' int64 fast path, which keeps the original text when it is already canonical.
    String cached = null;
    int precision;
    int scale;
    long mantissa = 1;
    if (format == Format.BINARY_SI) {
      scale = 0;
      if (exponent >= 0 && denom.isEmpty()) {
        mantissa = 1L << exponent;
        precision = 15 - num.length() - (int) ((float) exponent * 3 / 10) - 1;
      } else {
        precision = -1;
      }
    } else {
      scale = exponent;
      precision = 18 - (num.length() + denom.length());
    }
    if (precision >= 0) {
      scale -= denom.length();
      if (scale >= -9) {
        String shifted = num + denom;
        long v = Long.parseLong(shifted);
        long result;
        try {
          result = Math.multiplyExact(v, mantissa);
          if (format == Format.BINARY_SI) {
            if (exponent % 10 == 0 && (v & 0x07) != 0) {
              cached = str;
            }
          } else if (scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0') {
            cached = str;
          }
          BigDecimal amount = BigDecimal.valueOf(positive ? result : -result, -scale);
          return new Quantity(amount, format, cached);
        } catch (ArithmeticException overflow) {
          // fall through to the exact path
        }
      }
    }

    BigDecimal amount = new BigDecimal(new BigInteger(num + denom), denom.length());
    if (base == 10) {
      amount = amount.scaleByPowerOfTen(exponent);
    } else {
      amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)));
    }
    if (amount.signum() != 0 && amount.scale() > 9) {
      amount = amount.setScale(9, RoundingMode.UP);
    }
    if (format == Format.BINARY_SI && amount.compareTo(MAX_ALLOWED) > 0) {
      amount = MAX_ALLOWED;
    }
    if (format == Format.BINARY_SI && amount.compareTo(BigDecimal.ONE) < 0 && amount.signum() > 0) {
      format = Format.DECIMAL_SI;
    }
    if (!positive) {
      amount = amount.negate();
    }
    return new Quantity(amount, format, null);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The text Kubernetes writes for this quantity.
   *
   * @return the canonical text
   */
  public String canonical() {
    if (cached != null) {
      return cached;
    }
    if (value.signum() == 0) {
      return "0";
    }
    Format f = format;
    if (f == Format.BINARY_SI) {
      if (value.compareTo(BigDecimal.valueOf(-1024)) > 0
          && value.compareTo(BigDecimal.valueOf(1024)) < 0) {
        f = Format.DECIMAL_SI;
      } else if (value.stripTrailingZeros().scale() > 0) {
        f = Format.DECIMAL_SI;
      }
    }
    if (f == Format.BINARY_SI) {
      BigInteger amount = value.toBigIntegerExact();
      int exp = 0;
      while (amount.signum() != 0) {
        BigInteger[] qr = amount.divideAndRemainder(K1024);
        if (qr[1].signum() != 0) {
          break;
        }
        amount = qr[0];
        exp++;
      }
      String[] suffixes = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
      return amount + (exp < suffixes.length ? suffixes[exp] : "");
    }
    BigInteger amount = value.unscaledValue();
    int exponent = -value.scale();
    while (amount.signum() != 0) {
      BigInteger[] qr = amount.divideAndRemainder(TEN);
      if (qr[1].signum() != 0) {
        break;
      }
      amount = qr[0];
      exponent++;
    }
    while (exponent % 3 != 0) {
      amount = amount.multiply(TEN);
      exponent--;
    }
    if (f == Format.DECIMAL_EXPONENT) {
      return exponent == 0 ? amount.toString() : amount + "e" + exponent;
    }
    int slot = (exponent + 9) / 3;
    String suffix = exponent >= -9 && exponent <= 18 ? DECIMAL_SUFFIXES[slot] : "e" + exponent;
    return amount + suffix;
  }

  /**
   * Linkerd's {@code ToWholeCPUCores}: the quantity rounded up to whole units.
   *
   * @return the whole cores
   */
  public long wholeCores() {
    BigDecimal r = value.setScale(0, RoundingMode.UP);
    return r.longValue();
  }

  @Override
  public String toString() {
    return canonical();
  }
}
