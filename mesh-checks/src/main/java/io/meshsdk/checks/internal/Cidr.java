package io.meshsdk.checks.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IP network as Go's {@code net.ParseCIDR} reads it: the address as written and the prefix. */
record Cidr(byte[] address, int prefix) {

  /** Parses {@code a.b.c.d/n} or an IPv6 CIDR; empty when it is not one. */
  static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<byte[]> ip = ip(text.substring(0, slash));
    String p = text.substring(slash + 1);
    if (ip.isEmpty() || p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int prefix = Integer.parseInt(p);
    if (prefix > ip.get().length * 8) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(ip.get(), prefix));
  }

  /** Parses an IP literal (never a host name); IPv4-mapped forms stay 16 bytes as written. */
  static Optional<byte[]> ip(String s) {
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.indexOf(':') < 0) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        String part = parts[i];
        if (part.isEmpty()
            || part.length() > 3
            || !part.chars().allMatch(Character::isDigit)
            || (part.length() > 1 && part.charAt(0) == '0')) {
          return Optional.empty();
        }
        int v = Integer.parseInt(part);
        if (v > 255) {
          return Optional.empty();
        }
        out[i] = (byte) v;
      }
      return Optional.of(out);
    }
    if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return Optional.empty();
    }
    try {
      byte[] b = InetAddress.getByName("[" + s + "]").getAddress();
      return Optional.of(b);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether the network contains an address (Go's IPNet.Contains: IPv4 in IPv4 networks). */
  boolean contains(byte[] ip) {
    byte[] a = ip;
    byte[] n = address;
    if (a.length != n.length) {
      if (a.length == 16 && n.length == 4 && isV4Mapped(a)) {
        a = java.util.Arrays.copyOfRange(a, 12, 16);
      } else if (a.length == 4 && n.length == 16 && isV4Mapped(n)) {
        n = java.util.Arrays.copyOfRange(n, 12, 16);
      } else {
        return false;
      }
    }
    int p = a.length == 4 && address.length == 16 ? Math.max(0, prefix - 96) : prefix;
    for (int bit = 0; bit < p; bit++) {
      int i = bit / 8;
      int mask = 0x80 >> (bit % 8);
      if ((a[i] & mask) != (n[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
