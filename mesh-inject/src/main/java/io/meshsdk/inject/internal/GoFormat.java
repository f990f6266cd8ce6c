package io.meshsdk.inject.internal;

import java.math.BigDecimal;

/** Go's {@code %v} text of numbers, as Helm templates print them. */
final class GoFormat {
  private GoFormat() {}

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} (the {@code %v} of a float64). */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 21) {
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String es = exp < 0 ? "-" : "+";
      int ae = Math.abs(exp);
      return sign + mant + "e" + es + (ae < 10 ? "0" + ae : Integer.toString(ae));
    }
    return sign + bd.abs().toPlainString();
  }
}
