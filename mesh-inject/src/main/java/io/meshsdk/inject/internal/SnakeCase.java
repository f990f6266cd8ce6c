package io.meshsdk.inject.internal;

/**
 * Sprig's {@code snakecase | upper} for the keys of {@code proxy.inbound}/{@code proxy.outbound}:
 * word boundaries at lower-to-upper changes and at the end of an upper-case run, separators ({@code
 * -}, {@code .}, space) become underscores, digits stay with the word before them.
 */
final class SnakeCase {
  private SnakeCase() {}

  static String upperSnake(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '-' || c == '.' || c == ' ' || c == '_') {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        } else if (c == '_') {
          out.append('_');
        }
        continue;
      }
      if (Character.isUpperCase(c) && i > 0) {
        char prev = s.charAt(i - 1);
        boolean nextLower = i + 1 < n && Character.isLowerCase(s.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
            out.append('_');
          }
        }
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
