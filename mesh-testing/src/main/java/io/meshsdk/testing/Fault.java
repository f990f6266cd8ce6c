package io.meshsdk.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A fault the test API server injects into matching requests: added latency, an error status
 * ({@code 500}, {@code 403}, {@code 429} with {@code Retry-After}), a connection reset, a stall (no
 * response until the client gives up), a truncated body or a malformed body. A fault matches
 * requests by path (a glob: {@code *} within one segment, {@code **} across segments) and
 * optionally by method, and fires a number of times ({@link #times}, default every time).
 * Immutable; the {@code on…}/{@code times} methods return copies.
 *
 * <pre>{@code
 * server.inject(Fault.status(500).on("/api/v1/nodes").times(1)); // the first GET fails, a retry succeeds
 * server.inject(Fault.latency(Duration.ofMillis(20)).on("/**"));  // every request 20 ms slower
 * }</pre>
 */
public final class Fault {
  /** What the fault does. */
  public enum Type {
    /** Answer normally, after a delay. */
    LATENCY,
    /** Answer with an error status and a {@code Status} body. */
    STATUS,
    /** Close the connection without answering. */
    CONNECTION_RESET,
    /** Never answer (until the client's read timeout ends the call). */
    STALL,
    /** Answer 200 with fewer body bytes than {@code Content-Length} promises, then close. */
    TRUNCATED_BODY,
    /** Answer 200 with a body that is not valid JSON. */
    MALFORMED_BODY
  }

  private final Type type;
  private final int status;
  private final Duration delay;
  private final String pathGlob;
  private final Pattern pathPattern;
  private final String method;
  private final int times;

  private Fault(Type type, int status, Duration delay, String pathGlob, String method, int times) {
    this.type = type;
    this.status = status;
    this.delay = delay;
    this.pathGlob = pathGlob;
    this.pathPattern = glob(pathGlob);
    this.method = method;
    this.times = times;
  }

  /**
   * Adds latency before the normal answer.
   *
   * @param delay the delay, not negative
   * @return the fault, on every path
   */
  public static Fault latency(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + delay);
    }
    return new Fault(Type.LATENCY, 0, delay, "/**", null, -1);
  }

  /**
   * Answers with an error status and a Kubernetes {@code Status} body whose reason matches the code
   * ({@code InternalError}, {@code Forbidden}, …).
   *
   * @param code an HTTP status from 400 to 599
   * @return the fault, on every path
   */
  public static Fault status(int code) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("a fault status must be 400..599, not " + code);
    }
    return new Fault(Type.STATUS, code, Duration.ZERO, "/**", null, -1);
  }

  /**
   * {@code 500 InternalError}.
   *
   * @return the fault, on every path
   */
  public static Fault serverError() {
    return status(500);
  }

  /**
   * {@code 403 Forbidden}, as RBAC answers.
   *
   * @return the fault, on every path
   */
  public static Fault forbidden() {
    return status(403);
  }

  /**
   * {@code 429 TooManyRequests} with a {@code Retry-After} header (whole seconds, rounded up).
   *
   * @param retryAfter what the header says
   * @return the fault, on every path
   */
  public static Fault tooManyRequests(Duration retryAfter) {
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("Retry-After must not be negative: " + retryAfter);
    }
    return new Fault(Type.STATUS, 429, retryAfter, "/**", null, -1);
  }

  /**
   * Closes the connection when the request arrives, without a response.
   *
   * @return the fault, on every path
   */
  public static Fault connectionReset() {
    return new Fault(Type.CONNECTION_RESET, 0, Duration.ZERO, "/**", null, -1);
  }

  /**
   * Never answers: the client's read timeout must end the call.
   *
   * @return the fault, on every path
   */
  public static Fault stall() {
    return new Fault(Type.STALL, 0, Duration.ZERO, "/**", null, -1);
  }

  /**
   * Answers 200 with the real headers but only half of the real body, then closes.
   *
   * @return the fault, on every path
   */
  public static Fault truncatedBody() {
    return new Fault(Type.TRUNCATED_BODY, 200, Duration.ZERO, "/**", null, -1);
  }

  /**
   * Answers 200 with a JSON content type and a body that is not JSON.
   *
   * @return the fault, on every path
   */
  public static Fault malformedBody() {
    return new Fault(Type.MALFORMED_BODY, 200, Duration.ZERO, "/**", null, -1);
  }

  /**
   * Limits the fault to paths matching a glob ({@code *} within a segment, {@code **} across).
   *
   * @param glob e.g. {@code /api/v1/nodes} or {@code /apis/apps/**}
   * @return a copy
   */
  public Fault on(String glob) {
    if (glob == null || !glob.startsWith("/")) {
      throw new IllegalArgumentException("a fault path must start with '/': " + glob);
    }
    return new Fault(type, status, delay, glob, method, times);
  }

  /**
   * Limits the fault to one HTTP method.
   *
   * @param httpMethod e.g. {@code GET}
   * @return a copy
   */
  public Fault onMethod(String httpMethod) {
    return new Fault(
        type,
        status,
        delay,
        pathGlob,
        Objects.requireNonNull(httpMethod, "httpMethod").toUpperCase(java.util.Locale.ROOT),
        times);
  }

  /**
   * Fires only for the first {@code n} matching requests; later ones are served normally.
   *
   * @param n how many, at least 1
   * @return a copy
   */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1, not " + n);
    }
    return new Fault(type, status, delay, pathGlob, method, n);
  }

  /**
   * What the fault does.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The status it answers with ({@link Type#STATUS}), 200 for body faults, 0 otherwise.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The added latency ({@link Type#LATENCY}) or the {@code Retry-After} of a 429.
   *
   * @return the duration, zero when not used
   */
  public Duration delay() {
    return delay;
  }

  /**
   * What the {@code Retry-After} header of a 429 says: the delay in whole seconds, rounded up.
   *
   * @return the seconds
   */
  public long retryAfterSeconds() {
    return (delay.toMillis() + 999) / 1000;
  }

  /**
   * The path glob.
   *
   * @return the glob
   */
  public String path() {
    return pathGlob;
  }

  /**
   * The method it is limited to.
   *
   * @return the method, empty for any
   */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /**
   * How many requests it fires for.
   *
   * @return the count, empty for every request
   */
  public Optional<Integer> limit() {
    return times < 0 ? Optional.empty() : Optional.of(times);
  }

  /**
   * Whether a request matches (ignoring the count).
   *
   * @param httpMethod the request's method
   * @param path the request's path, without the query
   * @return true when the fault applies
   */
  public boolean matches(String httpMethod, String path) {
    return (method == null || method.equalsIgnoreCase(httpMethod))
        && pathPattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    String what;
    switch (type) {
      case LATENCY:
        what = "latency " + delay.toMillis() + " ms";
        break;
      case STATUS:
        what =
            "status "
                + status
                + (status == 429 ? " (Retry-After " + retryAfterSeconds() + " s)" : "");
        break;
      default:
        what = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
    return what
        + " on "
        + (method == null ? "" : method + " ")
        + pathGlob
        + (times < 0 ? "" : " (" + times + "x)");
  }

  private static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append("[^/]*");
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
