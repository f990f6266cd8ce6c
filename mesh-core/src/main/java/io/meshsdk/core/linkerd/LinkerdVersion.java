package io.meshsdk.core.linkerd;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linkerd release version: {@code stable-2.11.2}, {@code edge-26.8.3}, {@code enterprise-2.17.1},
 * or a development build {@code dev-…}.
 *
 * <p>Stable and enterprise releases share the {@code 2.x.y} numbering and compare with each other;
 * edge releases ({@code edge-YY.M.N}) compare with edge releases; development builds compare with
 * nothing but themselves. A numeric suffix ({@code enterprise-2.17.1-1}) is a hotpatch and orders
 * after the release; any other suffix ({@code stable-2.14.0-rc1}) is a pre-release and orders
 * before it. {@link #compareTo} is a total order for sorting (by channel group first); use {@link
 * #isNewerThan} for a meaningful comparison. Immutable.
 */
public final class LinkerdVersion implements Comparable<LinkerdVersion> {
  private static final Pattern NUMBERED =
      Pattern.compile(
          "(stable|edge|enterprise)-(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})"
              + "(?:-([0-9A-Za-z][0-9A-Za-z.-]*))?");

  /** A release channel. */
  public enum Channel {
    /** {@code stable-2.x.y} (open-source stable releases, up to 2.14). */
    STABLE,
    /** {@code enterprise-2.x.y} (Buoyant Enterprise for Linkerd). */
    ENTERPRISE,
    /** {@code edge-YY.M.N}. */
    EDGE,
    /** {@code dev-…} builds. */
    DEV
  }

  private final String text;
  private final Channel channel;
  private final int major;
  private final int minor;
  private final int patch;
  private final String suffix;

  private LinkerdVersion(
      String text, Channel channel, int major, int minor, int patch, String suffix) {
    this.text = text;
    this.channel = channel;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.suffix = suffix;
  }

  /**
   * Parses a version.
   *
   * @param text e.g. {@code edge-26.8.3}
   * @return the version
   * @throws LinkerdException naming the text and the expected forms when it is not a Linkerd
   *     version
   */
  public static LinkerdVersion parse(String text) {
    if (text == null || text.isBlank()) {
      throw new LinkerdException(
          "empty Linkerd version: expected e.g. stable-2.11.2 or edge-26.8.3");
    }
    String t = text.strip();
    if (t.startsWith("dev-")) {
      if (t.length() == 4) {
        throw new LinkerdException(
            "malformed Linkerd version \"" + text + "\": dev- needs a build name");
      }
      return new LinkerdVersion(t, Channel.DEV, 0, 0, 0, t.substring(4));
    }
    Matcher m = NUMBERED.matcher(t);
    if (!m.matches()) {
      int dash = t.indexOf('-');
      String channel = dash < 0 ? t : t.substring(0, dash);
      if (!channel.equals("stable") && !channel.equals("edge") && !channel.equals("enterprise")) {
        throw new LinkerdException(
            "unknown Linkerd release channel \""
                + channel
                + "\" in \""
                + text
                + "\": expected stable-, edge-, enterprise- or dev-");
      }
      String example =
          channel.equals("edge")
              ? "edge-YY.M.N such as edge-26.8.3"
              : channel + "-MAJOR.MINOR.PATCH such as " + channel + "-2.11.2";
      throw new LinkerdException("malformed Linkerd version \"" + text + "\": expected " + example);
    }
    Channel c = Channel.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
    return new LinkerdVersion(
        t,
        c,
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)),
        m.group(5));
  }

  /**
   * Parses a version, or returns empty when the text is not a Linkerd version.
   *
   * @param text the text
   * @return the version, or empty
   */
  public static Optional<LinkerdVersion> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (LinkerdException e) {
      return Optional.empty();
    }
  }

  /**
   * The release channel.
   *
   * @return the channel
   */
  public Channel channel() {
    return channel;
  }

  /**
   * The first number: {@code 2} for {@code stable-2.11.2}, the year {@code 26} for {@code
   * edge-26.8.3}; 0 for dev builds.
   *
   * @return the major number
   */
  public int major() {
    return major;
  }

  /**
   * The second number: {@code 11} for {@code stable-2.11.2}, the month {@code 8} for {@code
   * edge-26.8.3}.
   *
   * @return the minor number
   */
  public int minor() {
    return minor;
  }

  /**
   * The third number: {@code 2} for {@code stable-2.11.2}, the release of the month {@code 3} for
   * {@code edge-26.8.3}.
   *
   * @return the patch number
   */
  public int patch() {
    return patch;
  }

  /**
   * The suffix after the numbers (hotpatch or pre-release), or a dev build's name.
   *
   * @return the suffix, or empty
   */
  public Optional<String> suffix() {
    return Optional.ofNullable(suffix);
  }

  /**
   * Whether {@link #isNewerThan} can compare the two: same channel, or stable with enterprise; dev
   * builds only with the identical build.
   *
   * @param other another version
   * @return true when comparable
   */
  public boolean isComparableTo(LinkerdVersion other) {
    if (channel == Channel.DEV || other.channel == Channel.DEV) {
      return text.equals(other.text);
    }
    return group() == other.group();
  }

  /**
   * Whether this version is a later release than {@code other}.
   *
   * @param other another version of a comparable channel
   * @return true when newer
   * @throws LinkerdException when the versions are not comparable (e.g. edge and stable)
   */
  public boolean isNewerThan(LinkerdVersion other) {
    if (!isComparableTo(other)) {
      throw new LinkerdException(
          "cannot compare "
              + text
              + " with "
              + other.text
              + ": "
              + (channel == Channel.DEV || other.channel == Channel.DEV
                  ? "dev builds have no release order"
                  : channel.name().toLowerCase(java.util.Locale.ROOT)
                      + " and "
                      + other.channel.name().toLowerCase(java.util.Locale.ROOT)
                      + " releases are numbered differently"));
    }
    return compareTo(other) > 0;
  }

  private int group() {
    return switch (channel) {
      case STABLE, ENTERPRISE -> 0;
      case EDGE -> 1;
      case DEV -> 2;
    };
  }

  @Override
  public int compareTo(LinkerdVersion o) {
    int c = Integer.compare(group(), o.group());
    if (c == 0) {
      c = Integer.compare(major, o.major);
    }
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c == 0 && channel != Channel.DEV) {
      c = Integer.compare(suffixRank(), o.suffixRank());
      if (c == 0 && suffix != null && o.suffix != null) {
        c =
            suffix.matches("\\d+") && o.suffix.matches("\\d+")
                ? new java.math.BigInteger(suffix).compareTo(new java.math.BigInteger(o.suffix))
                : suffix.compareTo(o.suffix);
      }
    }
    return c != 0 ? c : text.compareTo(o.text);
  }

  /** Pre-release 0, release 1, hotpatch 2. */
  private int suffixRank() {
    if (suffix == null) {
      return 1;
    }
    return suffix.matches("\\d+") ? 2 : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkerdVersion v && text.equals(v.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  /** Returns the version as written, e.g. {@code edge-26.8.3}. */
  @Override
  public String toString() {
    return text;
  }
}
