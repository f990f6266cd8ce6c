package io.meshsdk.install.internal;

import io.meshsdk.install.FieldChange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data diff of a plan: the paths at which two generic trees ({@code Map}/{@code List}/scalars)
 * differ, live → planned, ignoring the fields the server owns ({@code status}, {@code
 * metadata.managedFields}, {@code resourceVersion}, {@code generation}, {@code uid}, {@code
 * creationTimestamp}, {@code selfLink}). Numbers compare by value ({@code 1} equals {@code 1.0}).
 * The values under a Secret's {@code data} and {@code stringData} are never rendered. Pure and
 * stateless.
 */
public final class TreeDiff {
  private static final Set<String> SERVER_METADATA =
      Set.of(
          "managedFields", "resourceVersion", "generation", "uid", "creationTimestamp", "selfLink");
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_VALUE = 80;

  private TreeDiff() {}

  /**
   * The differing fields.
   *
   * @param live the live object (as the server answers a GET)
   * @param planned the planned object (as the server answers a dry-run apply)
   * @return the changes, in the planned object's key order (fields only live come after)
   */
  public static List<FieldChange> diff(Map<String, Object> live, Map<String, Object> planned) {
    boolean secret = "Secret".equals(planned.get("kind")) || "Secret".equals(live.get("kind"));
    List<FieldChange> out = new ArrayList<>();
    for (String key : keys(live, planned)) {
      if (key.equals("status")) {
        continue;
      }
      Object l = live.get(key);
      Object p = planned.get(key);
      if (key.equals("metadata") && l instanceof Map<?, ?> lm && p instanceof Map<?, ?> pm) {
        for (String mk : keys(lm, pm)) {
          if (!SERVER_METADATA.contains(mk)) {
            walk(segment("metadata", mk), lm.get(mk), pm.get(mk), false, out);
          }
        }
      } else {
        boolean hidden = secret && (key.equals("data") || key.equals("stringData"));
        walk(key, l, p, hidden, out);
      }
    }
    return out;
  }

  private static void walk(String path, Object l, Object p, boolean hidden, List<FieldChange> out) {
    if (same(l, p)) {
      return;
    }
    if (l instanceof Map<?, ?> lm && p instanceof Map<?, ?> pm) {
      for (String k : keys(lm, pm)) {
        walk(segment(path, k), lm.get(k), pm.get(k), hidden, out);
      }
      return;
    }
    if (l instanceof List<?> ll && p instanceof List<?> pl) {
      int n = Math.max(ll.size(), pl.size());
      for (int i = 0; i < n; i++) {
        walk(
            path + "[" + i + "]",
            i < ll.size() ? ll.get(i) : null,
            i < pl.size() ? pl.get(i) : null,
            hidden,
            out);
      }
      return;
    }
    if (hidden) {
      String summary =
          p == null
              ? "removed"
              : (l == null ? "added (" : "changed (") + bytes(path, p) + " bytes)";
      out.add(new FieldChange(path, Optional.empty(), Optional.empty(), summary));
      return;
    }
    Optional<String> lv = Optional.ofNullable(l).map(TreeDiff::show);
    Optional<String> pv = Optional.ofNullable(p).map(TreeDiff::show);
    String summary =
        l == null
            ? "added: " + pv.orElseThrow()
            : p == null ? "removed (was " + lv.orElseThrow() + ")" : lv.get() + " → " + pv.get();
    out.add(new FieldChange(path, lv, pv, summary));
  }

  /** The size of a Secret value: decoded under {@code data}, as UTF-8 under {@code stringData}. */
  private static long bytes(String path, Object value) {
    if (!(value instanceof String s)) {
      return Json.write(value).length();
    }
    if (path.startsWith("data")) {
      try {
        return Base64.getDecoder().decode(s).length;
      } catch (IllegalArgumentException notBase64) {
        return s.length();
      }
    }
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof Map<?, ?> am && b instanceof Map<?, ?> bm) {
      if (!am.keySet().equals(bm.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> e : am.entrySet()) {
        if (!same(e.getValue(), bm.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> al && b instanceof List<?> bl) {
      if (al.size() != bl.size()) {
        return false;
      }
      for (int i = 0; i < al.size(); i++) {
        if (!same(al.get(i), bl.get(i))) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(a, b);
  }

  private static Set<String> keys(Map<?, ?> a, Map<?, ?> b) {
    Set<String> keys = new LinkedHashSet<>();
    b.keySet().forEach(k -> keys.add(String.valueOf(k)));
    a.keySet().forEach(k -> keys.add(String.valueOf(k)));
    return keys;
  }

  private static String segment(String path, String key) {
    return PLAIN_KEY.matcher(key).matches() ? path + "." + key : path + "[" + Json.write(key) + "]";
  }

  private static String show(Object value) {
    String s = Json.write(value);
    return s.length() <= MAX_VALUE
        ? s
        : s.substring(0, MAX_VALUE) + "… (" + s.length() + " characters)";
  }
}
