package io.meshsdk.inject.internal;

import io.meshsdk.core.manifest.YamlScalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read helpers over generic manifest trees (maps, lists, scalars). Never mutate. */
final class Trees {
  private Trees() {}

  /** The value as a map, or null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : null;
  }

  /** The value as a list, or null. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : null;
  }

  /** The child map of {@code m} under {@code key}, or null. */
  static Map<String, Object> map(Map<String, Object> m, String key) {
    return m == null ? null : map(m.get(key));
  }

  /** The child list of {@code m} under {@code key}, or null. */
  static List<Object> list(Map<String, Object> m, String key) {
    return m == null ? null : list(m.get(key));
  }

  /**
   * The text of a scalar as YAML would read it back as a string: strings as they are, numbers and
   * booleans in their plain form; null for null, maps and lists.
   */
  static String text(Object o) {
    if (o == null || o instanceof Map || o instanceof List) {
      return null;
    }
    if (o instanceof String) {
      return (String) o;
    }
    return o.toString();
  }

  /**
   * The value as YAML 1.1 (Kubernetes' YAML) reads it: a {@link YamlScalar} such as {@code yes},
   * {@code 0755} or {@code 0x1F} becomes its boolean or number; anything else is returned as is.
   */
  static Object value(Object o) {
    return o instanceof YamlScalar ? ((YamlScalar) o).value() : o;
  }

  /** The value as a whole number (numbers and numeric texts), or null. */
  static Long integer(Object o) {
    Object v = value(o);
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    String t = text(v);
    if (t == null) {
      return null;
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether the value is boolean true ({@code true}, YAML 1.1's {@code yes}/{@code on}, …). */
  static boolean isTrue(Object o) {
    Object v = value(o);
    return Boolean.TRUE.equals(v) || "true".equals(text(v));
  }

  /** Whether the value is boolean false. */
  static boolean isFalse(Object o) {
    Object v = value(o);
    return Boolean.FALSE.equals(v) || "false".equals(text(v));
  }

  /** The text of {@code m.key}, or null. */
  static String text(Map<String, Object> m, String key) {
    return m == null ? null : text(m.get(key));
  }

  /** The map at a path of keys, or null. */
  static Map<String, Object> path(Map<String, Object> m, String... keys) {
    Map<String, Object> cur = m;
    for (String k : keys) {
      if (cur == null) {
        return null;
      }
      cur = map(cur.get(k));
    }
    return cur;
  }

  /** An unmodifiable ordered map of alternating keys and values. */
  static Map<String, Object> frozen(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
