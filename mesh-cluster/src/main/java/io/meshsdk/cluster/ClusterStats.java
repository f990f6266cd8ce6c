package io.meshsdk.cluster;

import java.time.Duration;

/**
 * What a {@link LiveCluster} cost so far: HTTP requests (every attempt, including retries and
 * pages), retries, failed requests, bytes received and sent, and the wall-clock time spent waiting
 * for answers (summed over requests, so concurrent requests count fully).
 *
 * @param requests HTTP requests sent
 * @param retries requests that were retries of an earlier attempt
 * @param failures requests that ended in an error status or no answer
 * @param bytesReceived response body bytes read
 * @param bytesSent request body bytes sent
 * @param requestTime time spent in requests, summed
 */
public record ClusterStats(
    long requests,
    long retries,
    long failures,
    long bytesReceived,
    long bytesSent,
    Duration requestTime) {

  /** No requests yet. */
  public static final ClusterStats NONE = new ClusterStats(0, 0, 0, 0, 0, Duration.ZERO);

  /**
   * The difference from an earlier reading, e.g. what one run cost.
   *
   * @param earlier the earlier statistics of the same cluster
   * @return this minus {@code earlier}
   */
  public ClusterStats since(ClusterStats earlier) {
    return new ClusterStats(
        requests - earlier.requests,
        retries - earlier.retries,
        failures - earlier.failures,
        bytesReceived - earlier.bytesReceived,
        bytesSent - earlier.bytesSent,
        requestTime.minus(earlier.requestTime));
  }

  /**
   * A one-line summary, e.g. {@code 12 requests (1 retry, 0 failed), 83.1 KiB received, 0.41 s}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return requests
        + (requests == 1 ? " request (" : " requests (")
        + retries
        + (retries == 1 ? " retry, " : " retries, ")
        + failures
        + " failed), "
        + String.format(java.util.Locale.ROOT, "%.1f KiB", bytesReceived / 1024.0)
        + " received, "
        + String.format(java.util.Locale.ROOT, "%.2f s", requestTime.toNanos() / 1e9);
  }
}
