package io.meshsdk.core.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a check's hint lives: a base URL plus the check's hint anchor.
 *
 * <p>{@code linkerd check} uses {@code https://linkerd.io/<X.Y>/checks/#} when its own version
 * matches {@code stable-(\d\.\d+)\.} (so {@code stable-2.11.2} links to {@code
 * https://linkerd.io/2.11/checks/#}) and {@link #DEFAULT_BASE} otherwise (edge builds, HEAD).
 */
public final class HintUrls {
  /** The hint base of edge and development builds, and Mesh SDK's default. */
  public static final String DEFAULT_BASE = "https://linkerd.io/2/checks/#";

  private static final Pattern STABLE = Pattern.compile("stable-(\\d\\.\\d+)\\.");

  private HintUrls() {}

  /**
   * The hint base {@code linkerd check} of the given version uses.
   *
   * @param linkerdVersion a Linkerd version such as {@code stable-2.11.2} or {@code edge-26.8.3};
   *     null gives the default
   * @return {@code https://linkerd.io/X.Y/checks/#} for a stable version, else {@link
   *     #DEFAULT_BASE}
   */
  public static String baseForVersion(String linkerdVersion) {
    if (linkerdVersion != null) {
      Matcher m = STABLE.matcher(linkerdVersion);
      if (m.find()) {
        return "https://linkerd.io/" + m.group(1) + "/checks/#";
      }
    }
    return DEFAULT_BASE;
  }

  /**
   * The full hint URL.
   *
   * @param base the hint base, e.g. {@link #DEFAULT_BASE}
   * @param anchor the check's hint anchor; empty gives an empty URL (no hint)
   * @return {@code base + anchor}, or {@code ""} without an anchor
   */
  public static String url(String base, String anchor) {
    return anchor == null || anchor.isEmpty() ? "" : base + anchor;
  }
}
