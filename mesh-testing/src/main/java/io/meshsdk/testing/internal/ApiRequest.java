package io.meshsdk.testing.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the compatibility layer sees it.
 *
 * @param method the HTTP method
 * @param path the path without the query
 * @param query decoded query parameters
 * @param contentType the {@code Content-Type}, {@code ""} when absent
 * @param body the body text, {@code ""} when absent
 */
public record ApiRequest(
    String method, String path, Map<String, List<String>> query, String contentType, String body) {

  /**
   * The first value of a query parameter.
   *
   * @param name the name
   * @return the value
   */
  public Optional<String> param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * Whether the request asks for a server dry run.
   *
   * @return true for {@code dryRun=All}
   */
  public boolean dryRun() {
    return param("dryRun").map("All"::equals).orElse(false);
  }
}
