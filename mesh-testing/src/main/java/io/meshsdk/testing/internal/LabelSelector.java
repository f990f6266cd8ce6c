package io.meshsdk.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kubernetes label selector with the API server's grammar: {@code key}, {@code !key}, {@code
 * key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)}, {@code key notin
 * (a,b)}, joined by commas. All requirements must match.
 */
public final class LabelSelector {
  private enum Op {
    EXISTS,
    NOT_EXISTS,
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN
  }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      boolean has = labels.containsKey(key);
      String v = labels.get(key);
      switch (op) {
        case EXISTS:
          return has;
        case NOT_EXISTS:
          return !has;
        case EQUALS:
        case IN:
          return has && values.contains(v);
        case NOT_EQUALS:
        case NOT_IN:
          return !has || !values.contains(v);
        default:
          throw new AssertionError(op);
      }
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /**
   * Parses a selector.
   *
   * @param text the selector; null or blank selects everything
   * @return the selector
   * @throws IllegalArgumentException with the API server's kind of message when it does not parse
   */
  public static LabelSelector parse(String text) {
    List<Requirement> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new LabelSelector(out);
    }
    for (String part : split(text)) {
      out.add(requirement(part.trim(), text));
    }
    return new LabelSelector(out);
  }

  /**
   * Whether labels match every requirement.
   *
   * @param labels the object's labels
   * @return true when selected
   */
  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Splits at commas outside parentheses. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static Requirement requirement(String part, String whole) {
    if (part.isEmpty()) {
      throw bad(whole, "found '', expected: identifier");
    }
    if (part.startsWith("!")) {
      String key = key(part.substring(1).trim(), whole);
      return new Requirement(key, Op.NOT_EXISTS, Set.of());
    }
    int ne = part.indexOf("!=");
    if (ne > 0) {
      return new Requirement(
          key(part.substring(0, ne).trim(), whole),
          Op.NOT_EQUALS,
          Set.of(value(part.substring(ne + 2).trim(), whole)));
    }
    int eq = part.indexOf('=');
    if (eq > 0) {
      int valueStart = part.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(
          key(part.substring(0, eq).trim(), whole),
          Op.EQUALS,
          Set.of(value(part.substring(valueStart).trim(), whole)));
    }
    String[] words = part.split("\\s+", 2);
    if (words.length == 1) {
      return new Requirement(key(words[0], whole), Op.EXISTS, Set.of());
    }
    String rest = words[1].trim();
    Op op;
    if (rest.startsWith("notin")) {
      op = Op.NOT_IN;
      rest = rest.substring(5).trim();
    } else if (rest.startsWith("in")) {
      op = Op.IN;
      rest = rest.substring(2).trim();
    } else {
      throw bad(whole, "found '" + rest + "', expected: in, notin, =, ==, !=, or end of string");
    }
    if (!rest.startsWith("(") || !rest.endsWith(")")) {
      throw bad(whole, "found '" + rest + "', expected: '(' values ')'");
    }
    Set<String> values = new TreeSet<>();
    for (String v : rest.substring(1, rest.length() - 1).split(",", -1)) {
      values.add(value(v.trim(), whole));
    }
    return new Requirement(key(words[0], whole), op, values);
  }

  private static String key(String key, String whole) {
    if (!key.matches(
        "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
      throw bad(whole, "invalid label key \"" + key + "\"");
    }
    return key;
  }

  private static String value(String value, String whole) {
    if (!value.isEmpty() && !value.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
      throw bad(whole, "invalid label value: \"" + value + "\"");
    }
    return value;
  }

  private static IllegalArgumentException bad(String whole, String why) {
    return new IllegalArgumentException(
        "unable to parse requirement: " + why + " (labelSelector \"" + whole + "\")");
  }
}
