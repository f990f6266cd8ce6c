package io.meshsdk.inject.internal;

import static io.meshsdk.core.linkerd.internal.ProxySetting.*;

import io.meshsdk.core.linkerd.internal.ProxySetting;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Linkerd's {@code getOverrideAnnotations}: one annotation per overridable setting ({@link
 * ProxySetting.Write#WHEN_CHANGED}) whose injection-time value differs from the installed one.
 */
public final class OverrideAnnotationWriter {
  private OverrideAnnotationWriter() {}

  /**
   * Computes the override annotations.
   *
   * @param v the values with the injection-time overrides applied
   * @param base the installed values
   * @return the annotations, sorted by key
   */
  public static Map<String, String> compute(ProxyValues v, ProxyValues base) {
    Map<String, String> out = new TreeMap<>();
    for (ProxySetting s : ProxySetting.values()) {
      if (s.write() == ProxySetting.Write.WHEN_CHANGED && !Objects.equals(v.get(s), base.get(s))) {
        out.put(s.annotation().orElseThrow(), text(s, v.get(s)));
      }
    }
    // Linkerd's own rules for these two
    if (v.is(INGRESS) != base.is(INGRESS) && v.is(INGRESS)) {
      out.put(Names.INJECT, "ingress");
    }
    if (v.num(GID) >= 0 && v.num(GID) != base.num(GID)) {
      out.put(Names.PROXY_GID, Long.toString(v.num(GID)));
    }
    return out;
  }

  /** The value as annotation text: {@code enabled}/{@code disabled} where that is the form. */
  static String text(ProxySetting s, Object value) {
    if (s.parse() == ProxySetting.Parse.ENABLED_DISABLED) {
      return Boolean.TRUE.equals(value) ? "enabled" : "disabled";
    }
    return Objects.toString(value);
  }
}
