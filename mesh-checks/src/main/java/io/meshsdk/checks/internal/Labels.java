package io.meshsdk.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The few label selectors the checks use ({@code key}, {@code !key}, {@code key=value}, joined by
 * commas), evaluated locally when a list is derived from a wider one.
 */
final class Labels {
  private Labels() {}

  static boolean matches(String selector, Map<String, String> labels) {
    if (selector.isEmpty()) {
      return true;
    }
    Map<String, String> l = labels == null ? Map.of() : labels;
    for (String term : split(selector)) {
      if (term.startsWith("!")) {
        if (l.containsKey(term.substring(1))) {
          return false;
        }
      } else if (term.contains("=")) {
        int eq = term.indexOf('=');
        String key = term.substring(0, eq);
        String value = term.substring(eq + 1);
        if (!value.equals(l.get(key))) {
          return false;
        }
      } else if (!l.containsKey(term)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> split(String selector) {
    List<String> out = new ArrayList<>();
    for (String t : selector.split(",")) {
      if (!t.isBlank()) {
        out.add(t.strip());
      }
    }
    return out;
  }
}
