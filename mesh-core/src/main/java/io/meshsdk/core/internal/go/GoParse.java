package io.meshsdk.core.internal.go;

/** Go's {@code strconv} parsers with their exact acceptance rules. */
public final class GoParse {
  private GoParse() {}

  /**
   * Go's {@code strconv.ParseBool}.
   *
   * @param s the text
   * @return the boolean, or null when {@code s} is not one of Go's boolean words
   */
  public static Boolean parseBool(String s) {
    switch (s) {
      case "1":
      case "t":
      case "T":
      case "TRUE":
      case "true":
      case "True":
        return Boolean.TRUE;
      case "0":
      case "f":
      case "F":
      case "FALSE":
      case "false":
      case "False":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * Go's {@code strconv.ParseInt(s, 10, bits)}.
   *
   * @param s the text
   * @param bits the integer size in bits (32 or 64)
   * @return the number, or null when invalid or out of range
   */
  public static Long parseInt(String s, int bits) {
    if (s.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean neg = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    if (i == s.length()) {
      return null;
    }
    java.math.BigInteger v = java.math.BigInteger.ZERO;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(c - '0'));
      if (v.bitLength() > 64) {
        return null;
      }
    }
    if (neg) {
      v = v.negate();
    }
    java.math.BigInteger max =
        java.math.BigInteger.ONE.shiftLeft(bits - 1).subtract(java.math.BigInteger.ONE);
    java.math.BigInteger min = java.math.BigInteger.ONE.shiftLeft(bits - 1).negate();
    if (v.compareTo(max) > 0 || v.compareTo(min) < 0) {
      return null;
    }
    return v.longValue();
  }

  /**
   * Go's {@code strconv.ParseUint(s, 10, 64)}, limited to the long range.
   *
   * @param s the text
   * @return the number, or null when invalid
   */
  public static Long parseUint(String s) {
    if (s.isEmpty()) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Go's {@code strconv.ParseFloat(s, 64)} for plain decimal forms.
   *
   * @param s the text
   * @return the number, or null when invalid
   */
  public static Double parseFloat(String s) {
    if (s.isEmpty()
        || s.endsWith("d")
        || s.endsWith("D")
        || s.endsWith("f")
        || s.endsWith("F")
        || s.startsWith("0x")
        || s.contains(" ")) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
