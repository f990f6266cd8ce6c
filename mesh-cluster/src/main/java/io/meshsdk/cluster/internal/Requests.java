package io.meshsdk.cluster.internal;

import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.GroupVersionResource;
import io.meshsdk.cluster.ListQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Request paths and the failures of answered requests, shared by the live and snapshot views. */
public final class Requests {

  private Requests() {}

  /**
   * The path of a resource collection or object.
   *
   * @param r the resource
   * @param namespace the namespace, or empty for all namespaces / cluster scope
   * @param name the object name, or empty for the collection
   * @return e.g. {@code /apis/apps/v1/namespaces/linkerd/deployments/linkerd-destination}
   */
  public static String path(
      GroupVersionResource r, Optional<String> namespace, Optional<String> name) {
    StringBuilder b = new StringBuilder();
    b.append(
        r.group().isEmpty() ? "/api/" + r.version() : "/apis/" + r.group() + "/" + r.version());
    namespace.ifPresent(ns -> b.append("/namespaces/").append(segment(ns)));
    b.append('/').append(r.plural());
    name.ifPresent(n -> b.append('/').append(segment(n)));
    return b.toString();
  }

  /**
   * The query string of a list (selectors only), starting with {@code ?}, or empty.
   *
   * @param q the query
   * @return the query string
   */
  public static String selectors(ListQuery q) {
    StringBuilder b = new StringBuilder();
    q.labelSelector().ifPresent(s -> b.append("labelSelector=").append(encode(s)));
    q.fieldSelector()
        .ifPresent(
            s -> b.append(b.length() > 0 ? "&" : "").append("fieldSelector=").append(encode(s)));
    return b.length() == 0 ? "" : "?" + b;
  }

  /**
   * A path segment, percent-encoded.
   *
   * @param s the segment
   * @return the encoded segment
   */
  public static String segment(String s) {
    return encode(s).replace("+", "%20");
  }

  /**
   * A query value, form-encoded.
   *
   * @param s the value
   * @return the encoded value
   */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * The resource as the API server names it in messages: {@code pods}, {@code deployments.apps}.
   *
   * @param r the resource
   * @return the name
   */
  public static String groupResource(GroupVersionResource r) {
    return r.group().isEmpty() ? r.plural() : r.plural() + "." + r.group();
  }

  /**
   * The failure for an HTTP error answer, with a one-line message that says what to fix.
   *
   * @param method the request method
   * @param path the request path and query
   * @param status the HTTP status
   * @param reason the {@code Status} reason, may be null
   * @param serverMessage the {@code Status} message, may be null
   * @return the exception
   */
  public static ClusterAccessException httpFailure(
      String method, String path, int status, String reason, String serverMessage) {
    Failure problem = problem(status);
    String statusText = status + (reason == null || reason.isEmpty() ? "" : " " + reason);
    String said =
        serverMessage == null || serverMessage.isEmpty() ? "" : ": " + oneLine(serverMessage);
    String request = method + " " + path;
    String message =
        switch (problem) {
          case UNAUTHORIZED ->
              "the API server did not accept the credentials ("
                  + statusText
                  + " for "
                  + request
                  + said
                  + "): renew the token or client certificate of the kubeconfig user"
                  + " (e.g. log in again), or choose another context";
          case FORBIDDEN ->
              "not allowed: "
                  + request
                  + " answered "
                  + statusText
                  + said
                  + "; ask a cluster administrator for RBAC access, or use a context"
                  + " (or --as) that has it";
          case NOT_FOUND -> "not found: " + request + " answered " + statusText + said;
          case TOO_MANY_REQUESTS ->
              "the API server kept throttling requests: "
                  + request
                  + " answered "
                  + statusText
                  + said
                  + "; retry later or raise the deadline";
          case SERVER_ERROR ->
              "the API server failed: "
                  + request
                  + " answered "
                  + statusText
                  + said
                  + "; retry later";
          default -> request + " answered " + statusText + said;
        };
    return ClusterAccessException.builder(problem, message)
        .status(status)
        .reason(reason)
        .serverMessage(serverMessage)
        .request(method, path)
        .build();
  }

  /**
   * The problem of an HTTP status.
   *
   * @param status the status
   * @return the problem
   */
  public static Failure problem(int status) {
    if (status == 401) {
      return Failure.UNAUTHORIZED;
    }
    if (status == 403) {
      return Failure.FORBIDDEN;
    }
    if (status == 404) {
      return Failure.NOT_FOUND;
    }
    if (status == 409) {
      return Failure.CONFLICT;
    }
    if (status == 429) {
      return Failure.TOO_MANY_REQUESTS;
    }
    if (status >= 500) {
      return Failure.SERVER_ERROR;
    }
    return Failure.REJECTED;
  }

  /**
   * Text on one line: line breaks become spaces, bearer and basic credentials are redacted, and it
   * is cut at 500 characters.
   *
   * @param s the text
   * @return the line
   */
  public static String oneLine(String s) {
    String t = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    // an answer that echoes a request (some proxies do) must not leak its credentials
    t = t.replaceAll("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+", "$1 <redacted>");
    return t.length() > 500 ? t.substring(0, 500) + "…" : t;
  }

  /**
   * Kubernetes' {@code meta.UnsafeGuessKindToResource}, which Linkerd uses for dry-run creates:
   * lower case, plural.
   *
   * @param kind e.g. {@code NetworkPolicy}
   * @return e.g. {@code networkpolicies}
   */
  public static String guessPlural(String kind) {
    String s = kind.toLowerCase(java.util.Locale.ROOT);
    if (s.endsWith("s")) {
      return s + "es";
    }
    if (s.endsWith("y")) {
      return s.substring(0, s.length() - 1) + "ies";
    }
    return s + "s";
  }
}
