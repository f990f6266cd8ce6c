package io.meshsdk.inject.internal;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Linkerd's {@code getOverrideAnnotations}: one annotation per overridable field ({@link
 * ProxySettings.Setting#overrideAnnotation()}) whose injection-time value differs from the
 * installed one.
 */
public final class OverrideAnnotations {
  private OverrideAnnotations() {}

  /**
   * Computes the override annotations.
   *
   * @param v the values with the injection-time overrides applied
   * @param base the installed values
   * @return the annotations, sorted by key
   */
  public static Map<String, String> compute(ProxyValues v, ProxyValues base) {
    Map<String, String> out = new TreeMap<>();
    for (ProxySettings.Setting s : ProxySettings.ALL) {
      if (s.overrideAnnotation() && !Objects.equals(s.get().apply(v), s.get().apply(base))) {
        out.put(s.annotation(), s.text(v));
      }
    }
    // Linkerd's own rules for these two
    if (v.isIngress != base.isIngress && v.isIngress) {
      out.put(Names.INJECT, "ingress");
    }
    if (v.gid >= 0 && v.gid != base.gid) {
      out.put(Names.PROXY_GID, Long.toString(v.gid));
    }
    return out;
  }
}
