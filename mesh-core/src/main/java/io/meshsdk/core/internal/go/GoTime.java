package io.meshsdk.core.internal.go;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Go's time formats, in UTC. Stateless. */
public final class GoTime {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STRING =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoTime() {}

  /**
   * Go's {@code t.Format(time.RFC3339)} of a UTC time: no fractional seconds, {@code Z}.
   *
   * @param t the instant
   * @return e.g. {@code 1990-01-01T01:01:11Z}
   */
  public static String rfc3339(Instant t) {
    return RFC3339.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Go's {@code t.String()} of a UTC time, e.g. {@code 2026-01-01 00:00:00 +0000 UTC} (fractional
   * seconds only when not zero, without trailing zeros).
   *
   * @param t the instant
   * @return the text
   */
  public static String string(Instant t) {
    StringBuilder b = new StringBuilder(STRING.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String f = String.format("%09d", nanos).replaceAll("0+$", "");
      b.append('.').append(f);
    }
    return b.append(" +0000 UTC").toString();
  }
}
