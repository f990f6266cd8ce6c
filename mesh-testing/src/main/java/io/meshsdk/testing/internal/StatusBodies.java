package io.meshsdk.testing.internal;

import com.google.gson.JsonObject;

/** Kubernetes {@code Status} bodies, as the API server sends them with every error. */
public final class StatusBodies {
  private StatusBodies() {}

  /**
   * The reason a status code gets when nothing more specific is known.
   *
   * @param code the HTTP status
   * @return e.g. {@code NotFound}
   */
  public static String reason(int code) {
    switch (code) {
      case 400:
        return "BadRequest";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "NotFound";
      case 405:
        return "MethodNotAllowed";
      case 406:
        return "NotAcceptable";
      case 409:
        return "Conflict";
      case 410:
        return "Expired";
      case 415:
        return "UnsupportedMediaType";
      case 422:
        return "Invalid";
      case 429:
        return "TooManyRequests";
      case 503:
        return "ServiceUnavailable";
      case 504:
        return "Timeout";
      default:
        return code >= 500 ? "InternalError" : "BadRequest";
    }
  }

  /**
   * A failure {@code Status}.
   *
   * @param code the HTTP status
   * @param reason the reason
   * @param message the message
   * @param resource the resource (e.g. {@code pods}), null when none
   * @param name the object's name, null when none
   * @return the response
   */
  public static ApiResponse failure(
      int code, String reason, String message, ApiResource resource, String name) {
    JsonObject s = new JsonObject();
    s.addProperty("kind", "Status");
    s.addProperty("apiVersion", "v1");
    s.add("metadata", new JsonObject());
    s.addProperty("status", "Failure");
    s.addProperty("message", message);
    s.addProperty("reason", reason);
    if (resource != null || name != null) {
      JsonObject details = new JsonObject();
      if (name != null) {
        details.addProperty("name", name);
      }
      if (resource != null) {
        if (!resource.group().isEmpty()) {
          details.addProperty("group", resource.group());
        }
        details.addProperty("kind", resource.plural());
      }
      s.add("details", details);
    }
    s.addProperty("code", code);
    return ApiResponse.json(code, Json.GSON.toJson(s));
  }

  /**
   * A failure with the default reason for the code.
   *
   * @param code the status
   * @param message the message
   * @return the response
   */
  public static ApiResponse failure(int code, String message) {
    return failure(code, reason(code), message, null, null);
  }

  /**
   * {@code NotFound} for an object.
   *
   * @param resource the resource
   * @param name the name
   * @return the response
   */
  public static ApiResponse notFound(ApiResource resource, String name) {
    return failure(
        404,
        "NotFound",
        resource.qualifiedPlural() + " \"" + name + "\" not found",
        resource,
        name);
  }

  /**
   * {@code AlreadyExists} for an object.
   *
   * @param resource the resource
   * @param name the name
   * @return the response
   */
  public static ApiResponse alreadyExists(ApiResource resource, String name) {
    return failure(
        409,
        "AlreadyExists",
        resource.qualifiedPlural() + " \"" + name + "\" already exists",
        resource,
        name);
  }
}
