package io.meshsdk.core.values.internal;

import io.meshsdk.core.internal.tree.Frozen;
import io.meshsdk.core.values.ValuesException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helpers for values trees: {@code Map<String,Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Boolean}, {@code Integer}/{@code Long}/{@code Double}, {@code null}. Not
 * API.
 */
public final class Trees {
  /**
   * The deepest nesting of maps and lists in values (a values file's reader limit); {@code --set}
   * paths and {@code --set-json} values are held to it too.
   */
  public static final int MAX_DEPTH = Frozen.MAX_VALUES_DEPTH;

  private Trees() {}

  /**
   * Deep-copies a tree into unmodifiable collections ({@link Frozen} trees of {@link
   * Frozen.Kind#VALUES}: values trees already frozen are shared), checking the node types and
   * normalizing numbers (byte/short to Integer, float/BigDecimal to Double, BigInteger to Long or
   * Double).
   *
   * @param value the tree
   * @param path where the tree sits, for messages ({@code ""} for the root)
   * @return the frozen copy
   * @throws ValuesException naming the path of a key that is not a string or of a value of another
   *     type
   */
  public static Object freeze(Object value, String path) {
    try {
      return Frozen.freeze(value, Frozen.Kind.VALUES);
    } catch (Frozen.Refused r) {
      throw refused(r, path);
    }
  }

  /**
   * Deep-copies a map into an unmodifiable insertion-ordered map (see {@link #freeze}).
   *
   * @param map the map
   * @param path where it sits, for messages
   * @return the frozen copy
   * @throws ValuesException naming the path of a key that is not a string or of a value of another
   *     type
   */
  public static Map<String, Object> freezeMap(Map<?, ?> map, String path) {
    try {
      return Frozen.freezeMap(map, Frozen.Kind.VALUES);
    } catch (Frozen.Refused r) {
      throw refused(r, path);
    }
  }

  private static ValuesException refused(Frozen.Refused r, String root) {
    String path = root;
    for (Object seg : r.path()) {
      path = seg instanceof String ? child(path, (String) seg) : path + "[" + seg + "]";
    }
    if (r.isTooDeep()) {
      String at = path.length() > 80 ? path.substring(0, 80) + "…" : path;
      return new ValuesException(
          "values nest deeper than " + MAX_DEPTH + " levels (at " + at + ")");
    }
    Object o = r.offender();
    if (r.isKey()) {
      return new ValuesException(
          "map key "
              + o
              + (path.isEmpty() ? "" : " at " + path)
              + " is not a string"
              + (o == null ? "" : " (" + o.getClass().getSimpleName() + ")"));
    }
    return new ValuesException(
        "unsupported value of type "
            + o.getClass().getName()
            + (path.isEmpty() ? "" : " at " + path)
            + ": values hold maps, lists, strings, booleans, numbers and null");
  }

  /**
   * Deep-copies a tree into mutable {@link LinkedHashMap}s and {@link java.util.ArrayList}s.
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
        out.put(e.getKey(), mergeMaps((Map<String, Object>) om, (Map<String, Object>) vm));
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
