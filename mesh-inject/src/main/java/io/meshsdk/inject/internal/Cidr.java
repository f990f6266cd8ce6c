package io.meshsdk.inject.internal;

/** CIDR syntax check as Go's {@code net.ParseCIDR} accepts it (no name resolution). */
final class Cidr {
  private Cidr() {}

  static boolean isValid(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String addr = cidr.substring(0, slash);
    String bits = cidr.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 3) {
      return false;
    }
    for (int i = 0; i < bits.length(); i++) {
      if (!isAsciiDigit(bits.charAt(i))) {
        return false;
      }
    }
    int n = Integer.parseInt(bits);
    if (addr.indexOf(':') >= 0) {
      return n <= 128 && isIpv6(addr);
    }
    return n <= 32 && isIpv4(addr);
  }

  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (!isAsciiDigit(p.charAt(i))) {
          return false;
        }
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String s) {
    int ellipsis = s.indexOf("::");
    if (ellipsis >= 0 && s.indexOf("::", ellipsis + 1) >= 0) {
      return false;
    }
    String body = s;
    int groupsNeeded = 8;
    int lastColon = s.lastIndexOf(':');
    String tail = s.substring(lastColon + 1);
    if (tail.indexOf('.') >= 0) {
      if (!isIpv4(tail)) {
        return false;
      }
      body = s.substring(0, lastColon + 1) + "0:0";
    }
    if (ellipsis >= 0) {
      String left = body.substring(0, body.indexOf("::"));
      String right = body.substring(body.indexOf("::") + 2);
      int groups = count(left) + count(right);
      return groups < groupsNeeded && validGroups(left) && validGroups(right);
    }
    return count(body) == groupsNeeded && validGroups(body);
  }

  private static int count(String part) {
    return part.isEmpty() ? 0 : part.split(":", -1).length;
  }

  private static boolean validGroups(String part) {
    if (part.isEmpty()) {
      return true;
    }
    for (String g : part.split(":", -1)) {
      if (g.isEmpty() || g.length() > 4) {
        return false;
      }
      for (int i = 0; i < g.length(); i++) {
        if (!isAsciiHexDigit(g.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Go's parsers take ASCII digits only ({@code Character.isDigit} also takes other scripts'). */
  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiHexDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
