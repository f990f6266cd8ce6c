package io.meshsdk.core.values.internal;

import io.meshsdk.core.values.ValuesException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dotted path syntax of {@code HelmValues}: {@code a.b[0].c}, where {@code \} escapes the next
 * character inside a key (so {@code k8s\.pod\.ip} is one key). Not API.
 */
public final class PathSyntax {
  private PathSyntax() {}

  /**
   * Splits a path into keys ({@code String}) and list indexes ({@code Integer}).
   *
   * @param path the path
   * @return the segments, starting with a key
   * @throws ValuesException for an empty path, an empty key, a bad index or a dangling backslash
   */
  public static List<Object> parse(String path) {
    List<Object> out = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    boolean inKey = true; // expecting/reading a key
    boolean afterIndex = false;
    int i = 0;
    int n = path.length();
    if (n == 0) {
      throw bad(path, "empty path");
    }
    while (i < n) {
      char c = path.charAt(i);
      if (inKey) {
        if (c == '\\') {
          if (i + 1 >= n) {
            throw bad(path, "dangling backslash at the end");
          }
          key.append(path.charAt(i + 1));
          i += 2;
        } else if (c == '.' || c == '[') {
          if (key.length() == 0) {
            throw bad(path, "empty key at character " + (i + 1));
          }
          out.add(key.toString());
          key.setLength(0);
          inKey = c == '.';
          if (c == '[') {
            i = index(path, i, out);
            afterIndex = true;
          } else {
            i++;
          }
        } else {
          key.append(c);
          i++;
        }
      } else {
        // after an index: '.', '[' or end
        if (c == '[') {
          i = index(path, i, out);
        } else if (c == '.') {
          inKey = true;
          afterIndex = false;
          i++;
        } else {
          throw bad(path, "unexpected '" + c + "' after ']' at character " + (i + 1));
        }
      }
    }
    if (inKey) {
      if (key.length() == 0) {
        throw bad(path, afterIndex ? "path ends with '.'" : "path ends with an empty key");
      }
      out.add(key.toString());
    }
    return out;
  }

  private static int index(String path, int open, List<Object> out) {
    int close = path.indexOf(']', open);
    if (close < 0) {
      throw bad(path, "missing ']' after character " + (open + 1));
    }
    String digits = path.substring(open + 1, close);
    if (!digits.matches("[0-9]{1,9}")) {
      throw bad(path, "list index \"" + digits + "\" is not a non-negative integer");
    }
    out.add(Integer.parseInt(digits));
    return close + 1;
  }

  private static ValuesException bad(String path, String why) {
    return new ValuesException("invalid values path \"" + path + "\": " + why);
  }

  /**
   * Formats segments back into a path (keys escaped).
   *
   * @param segments keys and indexes
   * @return the path
   */
  public static String format(List<Object> segments) {
    StringBuilder b = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer idx) {
        b.append('[').append(idx).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(Trees.escapeKey((String) s));
      }
    }
    return b.toString();
  }
}
