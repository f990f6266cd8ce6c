package io.meshsdk.core.values.internal;

import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.values.ChartDefaults;
import io.meshsdk.core.values.ValuesException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm v3.21's {@code chartutil.CoalesceValues}: the user's values win over the chart's defaults,
 * maps merge deeply, lists and scalars replace, a user {@code null} deletes the key, subcharts are
 * coalesced under their names and receive the parent's {@code global} values.
 *
 * <p>Where Go mutates maps whose iteration order is random, this port builds new insertion-ordered
 * maps: the chart's keys first in the chart's order, then the user's other keys in the user's
 * order. The kept and deleted keys and the warnings are Helm's. Not API.
 */
public final class Coalescer {
  private static final String GLOBAL = "global";

  private final List<String> warnings;

  /**
   * Creates a coalescer that appends Helm's warning lines to {@code warnings}.
   *
   * @param warnings where warnings go
   */
  public Coalescer(List<String> warnings) {
    this.warnings = warnings;
  }

  /**
   * {@code CoalesceValues(chart, user)}.
   *
   * @param chart the chart defaults (with subcharts)
   * @param user the user's values (not modified)
   * @return the coalesced tree (mutable)
   */
  public Map<String, Object> coalesceValues(ChartDefaults chart, Map<String, Object> user) {
    return coalesce(chart, Trees.thawMap(user), "", false);
  }

  private Map<String, Object> coalesce(
      ChartDefaults chart, Map<String, Object> dest, String prefix, boolean merge) {
    Map<String, Object> v = values(chart, dest, prefix, merge);
    return deps(chart, v, prefix, merge);
  }

  private Map<String, Object> deps(
      ChartDefaults chart, Map<String, Object> dest, String prefix, boolean merge) {
    for (ChartDefaults sub : chart.subcharts()) {
      if (!dest.containsKey(sub.name())) {
        dest.put(sub.name(), new LinkedHashMap<String, Object>());
      } else if (!(dest.get(sub.name()) instanceof Map<?, ?>)) {
        throw new ValuesException(
            "type mismatch on "
                + sub.name()
                + ": the values of subchart "
                + sub.name()
                + " must be a map, found "
                + GoText.value(dest.get(sub.name())));
      }
      Map<String, Object> dvmap = castMap((Map<?, ?>) dest.get(sub.name()));
      String subPrefix = concatPrefix(prefix, chart.name());
      globals(dvmap, dest, subPrefix);
      dest.put(sub.name(), coalesce(sub, dvmap, subPrefix, merge));
    }
    return dest;
  }

  private void globals(Map<String, Object> dest, Map<String, Object> src, String prefix) {
    Map<String, Object> dg;
    Map<String, Object> sg;
    Object destglob = dest.get(GLOBAL);
    if (!dest.containsKey(GLOBAL)) {
      dg = new LinkedHashMap<>();
    } else if (destglob instanceof Map<?, ?> m) {
      dg = castMap(m);
    } else {
      warnings.add("warning: skipping globals because destination global is not a table.");
      return;
    }
    Object srcglob = src.get(GLOBAL);
    if (!src.containsKey(GLOBAL)) {
      sg = new LinkedHashMap<>();
    } else if (srcglob instanceof Map<?, ?> m) {
      sg = castMap(m);
    } else {
      warnings.add("warning: skipping globals because source global is not a table.");
      return;
    }
    for (Map.Entry<String, Object> e : sg.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      if (val instanceof Map<?, ?> vm) {
        Map<String, Object> vv = Trees.thawMap(castMap(vm));
        if (!dg.containsKey(key)) {
          dg.put(key, vv);
        } else if (!(dg.get(key) instanceof Map<?, ?> destv)) {
          warnings.add(
              "Conflict: cannot merge map onto non-map for " + GoText.quote(key) + ". Skipping.");
        } else {
          dg.put(key, tables(vv, castMap(destv), concatPrefix(prefix, key), true));
        }
      } else if (dg.get(key) instanceof Map<?, ?>) {
        warnings.add("key " + key + " is table. Skipping");
      } else {
        dg.put(key, val);
      }
    }
    dest.put(GLOBAL, dg);
  }

  private Map<String, Object> values(
      ChartDefaults chart, Map<String, Object> v, String prefix, boolean merge) {
    String subPrefix = concatPrefix(prefix, chart.name());
    Map<String, Object> chartValues = chart.values().asMap();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : chartValues.entrySet()) {
      String key = e.getKey();
      Object val = Trees.thaw(e.getValue());
      if (!v.containsKey(key)) {
        out.put(key, val);
        continue;
      }
      Object value = v.get(key);
      if (value == null && !merge) {
        continue; // a user null deletes the chart's key
      }
      if (value instanceof Map<?, ?> dest) {
        if (!(val instanceof Map<?, ?> src)) {
          if (val != null) {
            warnings.add(
                "warning: skipped value for " + concatPrefix(subPrefix, key) + ": Not a table.");
          }
          out.put(key, value);
        } else {
          boolean m = merge || chart.subcharts().stream().anyMatch(s -> s.name().equals(key));
          out.put(key, tables(castMap(dest), castMap(src), concatPrefix(subPrefix, key), m));
        }
      } else {
        out.put(key, value);
      }
    }
    for (Map.Entry<String, Object> e : v.entrySet()) {
      if (!chartValues.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * {@code coalesceTablesFullKey(dst, src)}: dst (higher precedence) over src.
   *
   * @param dst the winning map
   * @param src the defaults
   * @param prefix the dotted key of these maps, for warnings
   * @param merge true to keep nulls (MergeValues / subchart keys)
   * @return the coalesced map
   */
  public Map<String, Object> tables(
      Map<String, Object> dst, Map<String, Object> src, String prefix, boolean merge) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : src.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      String fullkey = concatPrefix(prefix, key);
      if (!dst.containsKey(key)) {
        out.put(key, Trees.thaw(val));
        continue;
      }
      Object dv = dst.get(key);
      if (dv == null) {
        // Helm first copies dst's nulls into src, then deletes them (or keeps them when merging)
        if (merge) {
          out.put(key, null);
        }
      } else if (val instanceof Map<?, ?> vm) {
        if (dv instanceof Map<?, ?> dm) {
          out.put(key, tables(castMap(dm), castMap(vm), fullkey, merge));
        } else {
          warnings.add(
              "warning: cannot overwrite table with non table for "
                  + fullkey
                  + " ("
                  + GoText.value(val)
                  + ")");
          out.put(key, dv);
        }
      } else {
        if (dv instanceof Map<?, ?> && val != null) {
          warnings.add(
              "warning: destination for "
                  + fullkey
                  + " is a table. Ignoring non-table value ("
                  + GoText.value(val)
                  + ")");
        }
        out.put(key, dv);
      }
    }
    for (Map.Entry<String, Object> e : dst.entrySet()) {
      if (src.containsKey(e.getKey())) {
        continue;
      }
      if (e.getValue() == null && !merge) {
        continue; // null without a default inside a coalesced table: Helm removes it too
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static String concatPrefix(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a + "." + b;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
