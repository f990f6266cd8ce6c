package io.meshsdk.core.manifest.internal;

import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.manifest.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a generic tree as compact JSON on one line, keys in insertion order. A {@link YamlScalar}
 * is written as its {@link YamlScalar#value() value} when that is a JSON boolean or a finite
 * number, otherwise as a string of its text; non-finite doubles become the strings {@code .nan},
 * {@code .inf}, {@code -.inf}. Stateless and thread-safe.
 */
public final class JsonEmitter {
  private JsonEmitter() {}

  /**
   * Appends the JSON text of a tree.
   *
   * @param v the tree
   * @param out where to append
   */
  public static void write(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String) {
      string((String) v, out);
    } else if (v instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof Collection) {
      out.append('[');
      boolean first = true;
      for (Object item : (Collection<?>) v) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out);
      }
      out.append(']');
    } else if (v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof BigInteger
        || v instanceof Short
        || v instanceof Byte) {
      out.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        string(YamlEmitter.formatDouble(d, false), out);
      } else {
        // Go's encoding/json form, as Linkerd's -o json prints numbers (1, 1000, 1e+21)
        out.append(GoText.jsonNumber(v instanceof Float ? Double.parseDouble(v.toString()) : d));
      }
    } else if (v instanceof BigDecimal) {
      out.append(((BigDecimal) v).toString());
    } else if (v instanceof YamlScalar) {
      YamlScalar s = (YamlScalar) v;
      Object value = s.value();
      if (value instanceof Boolean
          || value instanceof Long
          || value instanceof BigInteger
          || (value instanceof Double && Double.isFinite((Double) value))) {
        write(value, out);
      } else {
        string(s.text(), out);
      }
    } else {
      string(v.toString(), out);
    }
  }

  /**
   * Appends a JSON string literal.
   *
   * @param s the string
   * @param out where to append
   */
  public static void string(String s, StringBuilder out) {
    GoText.appendJsonString(s, false, out);
  }
}
