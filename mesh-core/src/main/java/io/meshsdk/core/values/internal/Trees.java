package io.meshsdk.core.values.internal;

import io.meshsdk.core.manifest.internal.Frozen;
import io.meshsdk.core.values.ValuesException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for values trees: {@code Map<String,Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Boolean}, {@code Integer}/{@code Long}/{@code Double}, {@code null}.
 * Not API.
 */
public final class Trees {
  /**
   * The deepest nesting of maps and lists in values (a values file's reader limit); {@code --set}
   * paths and {@code --set-json} values are held to it too.
   */
  public static final int MAX_DEPTH = 1000;

  private Trees() {}

  /**
   * Deep-copies a tree into unmodifiable collections, checking the node types and normalizing
   * numbers (byte/short to Integer, float/BigDecimal to Double, BigInteger to Long or Double).
   *
   * @param value the tree
   * @param path where the tree sits, for messages ({@code ""} for the root)
   * @return the frozen copy
   */
  public static Object freeze(Object value, String path) {
    return freeze(value, path, 0);
  }

  private static Object freeze(Object value, String path, int depth) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Map<?, ?> m) {
      return freezeMap(m, path, depth + 1);
    }
    if (value instanceof List<?> l) {
      checkDepth(depth + 1, path);
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(freeze(l.get(i), path + "[" + i + "]", depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Object[] a) {
      return freeze(java.util.Arrays.asList(a), path, depth);
    }
    if (value instanceof Number n) {
      return normalizeNumber(n);
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    throw new ValuesException(
        "unsupported value of type "
            + value.getClass().getName()
            + (path.isEmpty() ? "" : " at " + path)
            + ": values hold maps, lists, strings, booleans, numbers and null");
  }

  /**
   * Deep-copies a map into an unmodifiable insertion-ordered map (see {@link #freeze}).
   *
   * @param map the map
   * @param path where it sits, for messages
   * @return the frozen copy
   */
  public static Map<String, Object> freezeMap(Map<?, ?> map, String path) {
    return freezeMap(map, path, 1);
  }

  private static void checkDepth(int depth, String path) {
    if (depth > MAX_DEPTH) {
      String at = path.length() > 80 ? path.substring(0, 80) + "…" : path;
      throw new ValuesException(
          "values nest deeper than " + MAX_DEPTH + " levels (at " + at + ")");
    }
  }

  private static Map<String, Object> freezeMap(Map<?, ?> map, String path, int depth) {
    checkDepth(depth, path);
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new ValuesException(
            "map key "
                + e.getKey()
                + (path.isEmpty() ? "" : " at " + path)
                + " is not a string"
                + (e.getKey() == null ? "" : " (" + e.getKey().getClass().getSimpleName() + ")"));
      }
      out.put(k, freeze(e.getValue(), path.isEmpty() ? escapeKey(k) : path + "." + escapeKey(k),
          depth));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object normalizeNumber(Number n) {
    if (n instanceof Byte || n instanceof Short) {
      return n.intValue();
    }
    if (n instanceof Float f) {
      return Double.parseDouble(Float.toString(f));
    }
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (n instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return d.doubleValue();
      }
    }
    double dv = n.doubleValue();
    long lv = n.longValue();
    return dv == lv ? (Object) lv : (Object) dv;
  }

  /**
   * Deep-copies a tree into mutable {@link LinkedHashMap}s and {@link ArrayList}s.
   *
   * @param value the tree
   * @return the mutable copy
   */
  public static Object thaw(Object value) {
    return Frozen.mutableCopy(value);
  }


  /**
   * Deep-copies a map into mutable collections.
   *
   * @param map the map
   * @return the mutable copy
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> thawMap(Map<String, Object> map) {
    return (Map<String, Object>) thaw(map);
  }

  /**
   * Helm's {@code mergeMaps} ({@code pkg/cli/values}): maps merge recursively, any other value of
   * {@code b} (null included) replaces the value of {@code a}. Returns a new map; the inputs are
   * not modified (unchanged subtrees are shared).
   *
   * @param a the earlier map
   * @param b the later map, which wins
   * @return the merged map
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mergeMaps(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (Map.Entry<String, Object> e : b.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> vm && out.get(e.getKey()) instanceof Map<?, ?> om) {
        out.put(
            e.getKey(), mergeMaps((Map<String, Object>) om, (Map<String, Object>) vm));
      } else {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  /**
   * Escapes a key for the dotted path syntax: {@code .}, {@code [} and {@code \} get a backslash.
   *
   * @param key the raw key
   * @return the escaped key
   */
  public static String escapeKey(String key) {
    if (key.indexOf('.') < 0 && key.indexOf('[') < 0 && key.indexOf('\\') < 0) {
      return key;
    }
    StringBuilder b = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.' || c == '[' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * Joins a parent path and a key with a dot, escaping the key.
   *
   * @param parent the parent path, {@code ""} for the root
   * @param key the raw key
   * @return the child path
   */
  public static String child(String parent, String key) {
    return parent.isEmpty() ? escapeKey(key) : parent + "." + escapeKey(key);
  }
}
