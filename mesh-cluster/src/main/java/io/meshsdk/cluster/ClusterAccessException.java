package io.meshsdk.cluster;

import io.meshsdk.core.MeshException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A cluster could not be read (or refused a dry-run create): no kubeconfig, no connection, a TLS
 * failure, no access, an error answer or a malformed one.
 *
 * <p>The message is one line that says what happened and, where it can, what to fix. The parts are
 * also available separately: the {@link Failure}, the HTTP status, the {@code Status} reason and
 * message the server sent, and the request's method and path. Neither the message nor the parts
 * ever contain a token, a client key or a Secret's data.
 */
public class ClusterAccessException extends MeshException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is, for callers that react differently to each. */
  public enum Failure {
    /**
     * The kubeconfig is missing or malformed, names an unknown context, or a credential is
     * unusable.
     */
    CONFIGURATION,
    /** The server could not be reached: connection refused, unknown host, connection reset. */
    CONNECTION,
    /**
     * The TLS handshake failed, e.g. the server's certificate is not signed by the configured CA.
     */
    TLS,
    /** The server did not answer within the configured timeout or deadline. */
    TIMEOUT,
    /** HTTP 401: the credentials were not accepted. */
    UNAUTHORIZED,
    /** HTTP 403: the user may not do this. */
    FORBIDDEN,
    /** HTTP 404: the object or the resource type does not exist. */
    NOT_FOUND,
    /** HTTP 409: e.g. a create of an object that already exists ({@code AlreadyExists}). */
    CONFLICT,
    /** HTTP 429 after the retries the deadline allowed. */
    TOO_MANY_REQUESTS,
    /** Any other HTTP 4xx, e.g. 400 for a malformed selector or 422 for an invalid object. */
    REJECTED,
    /** HTTP 5xx after the retries the deadline allowed. */
    SERVER_ERROR,
    /** The answer could not be read: truncated, not JSON, or not the expected object. */
    MALFORMED_RESPONSE,
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED
  }

  private final Failure failure;
  private final int status;
  private final String reason;
  private final String serverMessage;
  private final String method;
  private final String path;

  private ClusterAccessException(Builder b, String message) {
    super(message, b.cause);
    this.failure = b.failure;
    this.status = b.status;
    this.reason = b.reason;
    this.serverMessage = b.serverMessage;
    this.method = b.method;
    this.path = b.path;
  }

  /**
   * Starts an exception.
   *
   * @param failure what kind of failure
   * @param message the one-line message for people: what happened and what to fix; must not contain
   *     credentials
   * @return a builder
   */
  public static Builder builder(Failure failure, String message) {
    return new Builder(failure, message);
  }

  /**
   * What kind of failure this is.
   *
   * @return the failure
   */
  public Failure failure() {
    return failure;
  }

  /**
   * The HTTP status of the answer, if there was one.
   *
   * @return the status, e.g. 403
   */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * The {@code reason} of the server's {@code Status} answer, e.g. {@code Forbidden}, {@code
   * NotFound}, {@code AlreadyExists}.
   *
   * @return the reason, if the server sent one
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * The {@code message} of the server's {@code Status} answer, e.g. {@code pods is forbidden: User
   * "jane" cannot list resource "pods" …}.
   *
   * @return the server's message, if it sent one
   */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /**
   * The request's HTTP method, e.g. {@code GET}.
   *
   * @return the method, if a request was made
   */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /**
   * The request's path and query, e.g. {@code /api/v1/namespaces/linkerd/pods?limit=500}.
   *
   * @return the path, if a request was made
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** Builds a {@link ClusterAccessException}. */
  public static final class Builder {
    private final Failure failure;
    private final String message;
    private int status;
    private String reason;
    private String serverMessage;
    private String method;
    private String path;
    private Throwable cause;

    private Builder(Failure failure, String message) {
      this.failure = Objects.requireNonNull(failure, "failure");
      this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * Sets the HTTP status.
     *
     * @param status the status, e.g. 403
     * @return this builder
     */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the server's {@code Status} reason.
     *
     * @param reason e.g. {@code Forbidden}
     * @return this builder
     */
    public Builder reason(String reason) {
      this.reason = reason == null || reason.isEmpty() ? null : reason;
      return this;
    }

    /**
     * Sets the server's {@code Status} message.
     *
     * @param serverMessage the message the server sent
     * @return this builder
     */
    public Builder serverMessage(String serverMessage) {
      this.serverMessage = serverMessage == null || serverMessage.isEmpty() ? null : serverMessage;
      return this;
    }

    /**
     * Sets the request.
     *
     * @param method the HTTP method
     * @param path the path and query (without credentials)
     * @return this builder
     */
    public Builder request(String method, String path) {
      this.method = method;
      this.path = path;
      return this;
    }

    /**
     * Sets the underlying failure.
     *
     * @param cause the cause
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * Builds the exception.
     *
     * @return the exception
     */
    public ClusterAccessException build() {
      return new ClusterAccessException(this, message);
    }
  }
}
