package io.meshsdk.inject.internal;

import io.meshsdk.core.internal.go.GoText;
import java.util.List;
import java.util.Map;

/** Linkerd's port and port-range parsing ({@code pkg/util}). */
final class PortRanges {
  private PortRanges() {}

  /** Go's {@code strconv.Atoi} then the 0..65535 check; returns -1 when invalid. */
  static int parsePort(String s) {
    int i = 0;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    if (i == s.length() || s.length() - i > 10) {
      return -1;
    }
    long v = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    if (neg && v != 0) {
      return -1;
    }
    return v <= 65535 ? (int) v : -1;
  }

  /**
   * Parses {@code N} or {@code L-U}.
   *
   * @return {lower, upper}
   * @throws IllegalArgumentException with Linkerd's wording
   */
  static int[] parseRange(String range) {
    String[] bounds = range.split("-", -1);
    if (bounds.length > 2) {
      throw new IllegalArgumentException("ranges expected as <lower>-<upper>");
    }
    int lower = parsePort(bounds[0]);
    if (lower < 0) {
      throw new IllegalArgumentException(GoText.quote(bounds[0]) + " is not a valid TCP port");
    }
    if (bounds.length == 1) {
      return new int[] {lower, lower};
    }
    int upper = parsePort(bounds[1]);
    if (upper < 0) {
      throw new IllegalArgumentException(GoText.quote(bounds[1]) + " is not a valid TCP port");
    }
    if (upper < lower) {
      throw new IllegalArgumentException(
          "upper-bound must be greater than or equal to lower-bound");
    }
    return new int[] {lower, upper};
  }

  static String format(int[] r) {
    return r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1];
  }

  /**
   * Linkerd's {@code ParseContainerOpaquePorts}: named ports resolve against the pod's container
   * ports; returns the normalized list or throws for an invalid entry (Linkerd warns and drops it;
   * we refuse with a clear message instead).
   */
  static String normalizeOpaquePorts(String override, Map<String, Integer> namedPorts) {
    String text = override.endsWith(",") ? override.substring(0, override.length() - 1) : override;
    StringBuilder out = new StringBuilder();
    for (String item : text.split(",", -1)) {
      String pr = item.trim();
      Integer named = namedPorts.get(pr);
      String norm;
      if (named != null) {
        norm = Integer.toString(named);
      } else {
        try {
          norm = format(parseRange(pr));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "invalid port range [" + pr + "]: " + e.getMessage(), e);
        }
      }
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(norm);
    }
    return out.toString();
  }

  /** Validates a comma-separated list of ports and port ranges (empty items allowed). */
  static void validatePortList(String text) {
    for (String item : text.split(",", -1)) {
      String pr = item.trim();
      if (pr.isEmpty()) {
        continue;
      }
      try {
        parseRange(pr);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid port range [" + pr + "]: " + e.getMessage(), e);
      }
    }
  }

  /** Validates a comma-separated list of CIDRs (IPv4 or IPv6). */
  static void validateCidrs(String text, List<String> problems) {
    for (String item : text.split(",", -1)) {
      String c = item.trim();
      if (c.isEmpty()) {
        continue;
      }
      if (!Cidr.isValid(c)) {
        problems.add(c);
      }
    }
  }
}
