package io.meshsdk.core.linkerd;

import io.meshsdk.core.values.HelmValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Meshes the pods of any third-party chart (the seed meshed Elasticsearch this way): given the
 * chart's values, produces the override values that add a pod annotation (by default {@code
 * linkerd.io/inject: enabled}) to every {@code podAnnotations} map the chart declares, at the top
 * level and in nested components at any depth, keeping the entries already there.
 *
 * <p>A {@code podAnnotations} key holding a map or null is annotated. One holding anything else (a
 * templated string, say) is left alone with a warning. An explicit {@code linkerd.io/inject:
 * disabled} is the chart's (or its author's) opt-out: it is kept, never replaced, and reported in
 * {@link PodAnnotationOverrides#keptOptOuts()} and the warnings. Maps inside lists are annotated
 * too; as Helm replaces lists whole, the override then carries the whole list. Stateless and
 * thread-safe.
 */
public final class ChartPodAnnotations {
  /** The key charts conventionally use for pod annotations. */
  public static final String KEY = "podAnnotations";

  private ChartPodAnnotations() {}

  /**
   * Overrides that add {@code linkerd.io/inject: enabled}.
   *
   * @param chartValues the chart's values ({@code values.yaml})
   * @return the overrides
   */
  public static PodAnnotationOverrides meshOverrides(HelmValues chartValues) {
    return overrides(
        chartValues, Map.of(LinkerdNames.INJECT_ANNOTATION, LinkerdNames.INJECT_ENABLED));
  }

  /**
   * Overrides that add the given annotations.
   *
   * @param chartValues the chart's values ({@code values.yaml})
   * @param annotations the annotations to add (keys and values as they should appear)
   * @return the overrides; empty overrides and a warning when the chart declares no {@code
   *     podAnnotations} map
   */
  public static PodAnnotationOverrides overrides(
      HelmValues chartValues, Map<String, String> annotations) {
    Objects.requireNonNull(chartValues, "chartValues");
    if (annotations.isEmpty()) {
      throw new IllegalArgumentException("no annotations to add");
    }
    Walk w = new Walk(annotations);
    Map<String, Object> out = w.map(chartValues.asMap(), "", false);
    if (w.paths.isEmpty() && w.optOuts.isEmpty()) {
      w.warnings.add("the chart declares no podAnnotations map");
    }
    return new PodAnnotationOverrides(
        out == null ? HelmValues.empty() : HelmValues.of(out), w.paths, w.warnings, w.optOuts);
  }

  private static final class Walk {
    final Map<String, String> annotations;
    final List<String> paths = new ArrayList<>();
    final List<String> optOuts = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Walk(Map<String, String> annotations) {
      this.annotations = annotations;
    }

    /** The annotated copy of a map: only changed keys unless {@code full}; null if unchanged. */
    Map<String, Object> map(Map<?, ?> m, String path, boolean full) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = (String) e.getKey();
        Object v = e.getValue();
        String p = path.isEmpty() ? escape(key) : path + "." + escape(key);
        Object sub = null;
        if (KEY.equals(key)) {
          if (v == null || v instanceof Map<?, ?>) {
            sub = annotate((Map<?, ?>) v, p);
          } else {
            warnings.add(
                p
                    + " is not a map ("
                    + (v instanceof String ? "a string" : "a " + kind(v))
                    + "); left alone: add the annotations to it by hand");
          }
        } else if (v instanceof Map<?, ?> vm) {
          sub = map(vm, p, full);
        } else if (v instanceof List<?> vl) {
          sub = list(vl, p);
        }
        if (sub != null) {
          out.put(key, sub);
          changed = true;
        } else if (full) {
          out.put(key, v);
        }
      }
      return changed ? out : null;
    }

    List<Object> list(List<?> l, String path) {
      List<Object> out = new ArrayList<>(l.size());
      boolean changed = false;
      for (int i = 0; i < l.size(); i++) {
        Object e = l.get(i);
        Object sub = null;
        if (e instanceof Map<?, ?> m) {
          sub = map(m, path + "[" + i + "]", true);
        } else if (e instanceof List<?> inner) {
          sub = list(inner, path + "[" + i + "]");
        }
        out.add(sub != null ? sub : e);
        changed |= sub != null;
      }
      return changed ? out : null;
    }

    Map<String, Object> annotate(Map<?, ?> existing, String path) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (existing != null) {
        existing.forEach((k, v) -> out.put((String) k, v));
      }
      boolean added = false;
      for (Map.Entry<String, String> a : annotations.entrySet()) {
        String k = a.getKey();
        String v = a.getValue();
        Object before = out.get(k);
        if (LinkerdNames.INJECT_ANNOTATION.equals(k)
            && LinkerdNames.INJECT_DISABLED.equals(before)
            && !v.equals(before)) {
          optOuts.add(path);
          warnings.add(
              path
                  + ": kept "
                  + k
                  + ": "
                  + before
                  + " (the chart's explicit opt-out);"
                  + " remove it to mesh these pods");
          continue;
        }
        if (before != null && !v.equals(before)) {
          warnings.add(path + ": replaced " + k + ": " + before + " with " + v);
        }
        out.put(k, v);
        added = true;
      }
      if (!added) {
        return null;
      }
      paths.add(path);
      return out;
    }

    private static String kind(Object v) {
      return v instanceof List<?> ? "list" : v instanceof Boolean ? "boolean" : "number";
    }

    private static String escape(String key) {
      return key.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[");
    }
  }
}
