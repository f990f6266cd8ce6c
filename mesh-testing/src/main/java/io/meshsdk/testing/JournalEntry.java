package io.meshsdk.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the test API server received. It records that a credential was sent, never the
 * credential itself.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the query parameters (decoded, in order; a parameter may repeat)
 * @param credentialSent whether an {@code Authorization} header was sent
 * @param status the status answered, or 0 when the connection was reset or stalled
 * @param fault the fault injected into this request, if any (its {@link Fault#toString()})
 */
public record JournalEntry(
    String method,
    String path,
    Map<String, List<String>> query,
    boolean credentialSent,
    int status,
    Optional<String> fault) {

  /**
   * Copies the query.
   *
   * @param method the HTTP method
   * @param path the path
   * @param query the query parameters
   * @param credentialSent whether a credential was sent
   * @param status the status
   * @param fault the fault
   */
  public JournalEntry {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    Objects.requireNonNull(fault, "fault");
  }

  /**
   * The first value of a query parameter.
   *
   * @param name the parameter
   * @return the value, if sent
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Whether the request could change what the server stores: a POST, PUT, PATCH or DELETE that is
   * neither a review ({@code …reviews}, answered and never stored) nor a server dry run ({@code
   * dryRun=All}).
   *
   * @return true for a write
   */
  public boolean mutating() {
    switch (method) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
        return false;
      default:
        return !path.endsWith("reviews")
            && !queryParameter("dryRun").map("All"::equals).orElse(false);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(method).append(' ').append(path);
    if (!query.isEmpty()) {
      sb.append(' ').append(query);
    }
    sb.append(" -> ").append(status == 0 ? "no response" : String.valueOf(status));
    fault.ifPresent(f -> sb.append(" [fault: ").append(f).append(']'));
    sb.append(credentialSent ? " (credential sent)" : " (no credential)");
    return sb.toString();
  }
}
