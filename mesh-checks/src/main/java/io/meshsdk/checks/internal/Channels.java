package io.meshsdk.checks.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Linkerd's {@code version.Channels}: the latest version of each channel, and matching. */
record Channels(List<ChannelVersion> versions) {
  static final String UNKNOWN = "unable to determine version channel";

  record ChannelVersion(String channel, String version, Optional<Long> hotpatch, String original) {
    String updateChannel() {
      return hotpatch.isPresent() ? channel + "Hotpatch" : channel;
    }
  }

  static Optional<ChannelVersion> parse(String cv) {
    int dash = cv.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String channel = cv.substring(0, dash);
    String version = cv.substring(dash + 1);
    Optional<Long> hotpatch = Optional.empty();
    int d2 = version.indexOf('-');
    if (d2 >= 0) {
      try {
        hotpatch = Optional.of(Long.parseLong(version.substring(d2 + 1)));
        version = version.substring(0, d2);
      } catch (NumberFormatException e) {
        // not a hotpatch: the whole rest is the version
      }
    }
    return Optional.of(new ChannelVersion(channel, version, hotpatch, cv));
  }

  /**
   * Builds the channels from a version-check answer.
   *
   * @throws Fail when a key is not the channel of its version
   */
  static Channels of(Map<String, String> answer) {
    List<ChannelVersion> out = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : answer.entrySet()) {
      ChannelVersion cv =
          parse(e.getValue())
              .orElseThrow(() -> new Fail("unsupported version format: " + e.getValue()));
      if (!cv.updateChannel().equals(e.getKey())) {
        throw new Fail("channel " + e.getKey() + " does not match version " + e.getValue());
      }
      out.add(cv);
    }
    return new Channels(List.copyOf(out));
  }

  /** Linkerd's {@code Channels.Match}; throws {@link Fail} with Linkerd's message. */
  void match(String actualVersion) {
    if (versions.isEmpty()) {
      throw new Fail(UNKNOWN);
    }
    if (actualVersion == null || actualVersion.isEmpty()) {
      throw new Fail("actual version is empty");
    }
    ChannelVersion actual =
        parse(actualVersion)
            .orElseThrow(
                () ->
                    new Fail(
                        "failed to parse actual version: unsupported version format: "
                            + actualVersion));
    for (ChannelVersion latest : versions) {
      if (latest.updateChannel().equals(actual.updateChannel())) {
        if (!actual.channel().equals(latest.channel())) {
          throw new Fail(
              "mismatched channels: running "
                  + actual.original()
                  + " but retrieved "
                  + latest.original());
        }
        if (!actual.version().equals(latest.version())
            || !actual.hotpatch().equals(latest.hotpatch())) {
          throw new Fail(
              "is running version "
                  + actual.version()
                  + " but the latest "
                  + actual.channel()
                  + " version is "
                  + latest.version());
        }
        return;
      }
    }
    throw new Fail("unsupported version channel: " + actualVersion);
  }
}
