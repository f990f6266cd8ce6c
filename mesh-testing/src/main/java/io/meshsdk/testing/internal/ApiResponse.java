package io.meshsdk.testing.internal;

import java.util.Map;

/**
 * A response of the compatibility layer.
 *
 * @param code the HTTP status
 * @param contentType the content type
 * @param body the body
 * @param headers extra headers
 */
public record ApiResponse(int code, String contentType, String body, Map<String, String> headers) {
  /** JSON. */
  public static final String JSON = "application/json";

  /**
   * A JSON response.
   *
   * @param code the status
   * @param body the JSON text
   * @return the response
   */
  public static ApiResponse json(int code, String body) {
    return new ApiResponse(code, JSON, body, Map.of());
  }
}
