package io.meshsdk.cluster.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.ClusterStats;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * HTTP to the API server through a client-java {@link ApiClient} (its TLS, credentials and
 * connection pool), reading answers with the SDK's own JSON: retries with backoff for GETs and
 * idempotent patches (server-side apply) on 429 (honouring {@code Retry-After}), 5xx and dropped
 * connections, bounded by a deadline per request; {@code limit}/{@code continue} paging; failures
 * mapped to {@link ClusterAccessException}s that say what to fix; statistics. Thread-safe.
 */
public final class Transport {

  /**
   * Settings.
   *
   * @param pageSize the {@code limit} of list pages (0 for no paging)
   * @param deadline how long one read may take, retries included
   * @param initialBackoff the first retry's wait, doubled for each further retry
   * @param maxBackoff the longest wait between retries (unless {@code Retry-After} says more)
   * @param maxAttempts the most attempts per request
   */
  public record Settings(
      int pageSize,
      Duration deadline,
      Duration initialBackoff,
      Duration maxBackoff,
      int maxAttempts) {}

  /** An answer: status, body, and the Retry-After wait (-1 if none). */
  private record Answer(int status, String body, long retryAfterNanos) {}

  private final ApiClient client;
  private final Settings settings;
  private final Map<String, String> headers;
  private final List<String> impersonateGroups;
  private final String where;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong bytesIn = new AtomicLong();
  private final AtomicLong bytesOut = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong();

  /**
   * Creates a transport.
   *
   * @param client the configured client
   * @param settings the settings
   * @param impersonateUser the {@code Impersonate-User}, if any
   * @param impersonateGroups the {@code Impersonate-Group}s
   * @param where a description of the cluster for messages, e.g. {@code https://1.2.3.4:6443
   *     (context prod)}
   */
  public Transport(
      ApiClient client,
      Settings settings,
      Optional<String> impersonateUser,
      List<String> impersonateGroups,
      String where) {
    this.client = client;
    this.settings = settings;
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Accept", "application/json");
    impersonateUser.ifPresent(u -> h.put("Impersonate-User", u));
    this.headers = Map.copyOf(h);
    this.impersonateGroups = List.copyOf(impersonateGroups);
    this.where = where;
  }

  /**
   * The statistics so far.
   *
   * @return the statistics
   */
  public ClusterStats stats() {
    return new ClusterStats(
        requests.get(),
        retries.get(),
        failures.get(),
        bytesIn.get(),
        bytesOut.get(),
        Duration.ofNanos(nanos.get()));
  }

  /**
   * GETs an object.
   *
   * @param path the path
   * @return the object, or empty on 404
   * @throws ClusterAccessException on any other failure
   */
  public Optional<JsonObject> get(String path) {
    Answer a = send("GET", path, List.of(), null, null, true);
    return a.status == 404 ? Optional.empty() : Optional.of(object("GET", path, a.body));
  }

  /**
   * GETs an object that must exist.
   *
   * @param path the path
   * @return the object
   * @throws ClusterAccessException on any failure, 404 included
   */
  public JsonObject getRequired(String path) {
    Answer a = send("GET", path, List.of(), null, null, false);
    return object("GET", path, a.body);
  }

  /**
   * Lists a collection, page by page.
   *
   * @param path the collection path
   * @param selectors the label and field selector query parameters
   * @return the items of all pages, in order
   * @throws ClusterAccessException on failure (404 included)
   */
  public List<JsonObject> list(String path, List<Pair> selectors) {
    for (int restart = 0; ; restart++) {
      List<JsonObject> items = new ArrayList<>();
      String cont = "";
      while (true) {
        List<Pair> q = new ArrayList<>(selectors);
        if (settings.pageSize > 0) {
          q.add(new Pair("limit", String.valueOf(settings.pageSize)));
        }
        if (!cont.isEmpty()) {
          q.add(new Pair("continue", cont));
        }
        Answer a;
        try {
          a = send("GET", path, q, null, null, false);
        } catch (ClusterAccessException e) {
          if (!cont.isEmpty() && e.status().orElse(0) == 410 && restart == 0) {
            break; // the continue token expired: list again from the start, once
          }
          throw e;
        }
        JsonObject page = object("GET", path + query(q), a.body);
        JsonElement list = page.get("items");
        if (list != null && list.isJsonArray()) {
          JsonArray arr = list.getAsJsonArray();
          for (JsonElement item : arr) {
            if (!item.isJsonObject()) {
              throw malformed("GET", path + query(q), "an item of the list is not an object", null);
            }
            items.add(item.getAsJsonObject());
          }
        } else if (list != null && !list.isJsonNull()) {
          throw malformed("GET", path + query(q), "\"items\" is not a list", null);
        }
        cont = continueToken(page);
        if (cont.isEmpty()) {
          return items;
        }
      }
    }
  }

  /**
   * POSTs a JSON body (never retried).
   *
   * @param path the path
   * @param query the query parameters
   * @param body the JSON body
   * @return the answer object
   * @throws ClusterAccessException on failure
   */
  public JsonObject post(String path, List<Pair> query, byte[] body) {
    Answer a = send("POST", path, query, body, "application/json", false);
    return object("POST", path + query(query), a.body);
  }

  /**
   * PATCHes with a body of the given content type, retried like a GET on 429, 5xx and dropped
   * connections: only for idempotent patches such as server-side apply.
   *
   * @param path the path
   * @param query the query parameters
   * @param contentType e.g. {@code application/apply-patch+yaml}
   * @param body the body
   * @return the answer object
   * @throws ClusterAccessException on failure
   */
  public JsonObject idempotentPatch(
      String path, List<Pair> query, String contentType, byte[] body) {
    Answer a = send("PATCH", path, query, body, contentType, false);
    return object("PATCH", path + query(query), a.body);
  }

  private static String continueToken(JsonObject page) {
    JsonElement meta = page.get("metadata");
    if (meta != null && meta.isJsonObject()) {
      JsonElement c = meta.getAsJsonObject().get("continue");
      if (c != null && c.isJsonPrimitive()) {
        return c.getAsString();
      }
    }
    return "";
  }

  private JsonObject object(String method, String path, String body) {
    JsonElement e;
    try {
      e = JsonParser.parseString(body);
    } catch (RuntimeException ex) {
      throw malformed(
          method, path, "not JSON (" + Requests.oneLine(String.valueOf(ex.getMessage())) + ")", ex);
    }
    if (!e.isJsonObject()) {
      throw malformed(method, path, "not a JSON object", null);
    }
    return e.getAsJsonObject();
  }

  private ClusterAccessException malformed(
      String method, String path, String what, Throwable cause) {
    return ClusterAccessException.builder(
            Failure.MALFORMED_RESPONSE,
            "the answer of "
                + where
                + " to "
                + method
                + " "
                + path
                + " could not be read: "
                + what
                + "; is the server address a Kubernetes API server (and not a proxy or a truncated"
                + " connection)?")
        .request(method, path)
        .cause(cause)
        .build();
  }

  /**
   * Sends a request, retrying where allowed.
   *
   * @param notFoundIsAnswer whether a 404 is returned rather than thrown
   */
  private Answer send(
      String method,
      String path,
      List<Pair> query,
      byte[] body,
      String contentType,
      boolean notFoundIsAnswer) {
    boolean retryable = !method.equals("POST");
    long deadline = System.nanoTime() + settings.deadline.toNanos();
    String shown = path + query(query);
    ClusterAccessException last = null;
    for (int attempt = 1; ; attempt++) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw deadlineExceeded(method, shown, attempt - 1, last);
      }
      if (attempt > 1) {
        retries.incrementAndGet();
      }
      long waitNanos;
      try {
        Answer a = once(method, path, query, body, contentType, remaining);
        if (a.status < 300 || (notFoundIsAnswer && a.status == 404)) {
          return a;
        }
        failures.incrementAndGet();
        last = statusFailure(method, shown, a);
        if (!retryable
            || attempt >= settings.maxAttempts
            || !(a.status == 429
                || a.status == 500
                || a.status == 502
                || a.status == 503
                || a.status == 504)) {
          throw last;
        }
        waitNanos = backoff(attempt);
        if (a.retryAfterNanos >= 0) {
          waitNanos = a.retryAfterNanos;
        }
      } catch (IOException e) {
        failures.incrementAndGet();
        ClusterAccessException mapped = ioFailure(method, shown, e);
        if (!retryable || attempt >= settings.maxAttempts || !transientFailure(e)) {
          throw mapped;
        }
        last = mapped;
        waitNanos = backoff(attempt);
      }
      if (System.nanoTime() + waitNanos >= deadline) {
        throw deadlineExceeded(method, shown, attempt, last);
      }
      try {
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ClusterAccessException.builder(
                Failure.INTERRUPTED, "interrupted while waiting to retry " + method + " " + shown)
            .request(method, shown)
            .build();
      }
    }
  }

  private long backoff(int attempt) {
    long initial = settings.initialBackoff.toNanos();
    long wait = initial << Math.min(attempt - 1, 20);
    return Math.min(wait <= 0 ? Long.MAX_VALUE : wait, settings.maxBackoff.toNanos());
  }

  private ClusterAccessException deadlineExceeded(
      String method, String path, int attempts, ClusterAccessException last) {
    String lastText = last == null ? "" : "; last answer: " + last.getMessage();
    ClusterAccessException.Builder b =
        ClusterAccessException.builder(
                last != null && last.failure() != Failure.TIMEOUT
                    ? last.failure()
                    : Failure.TIMEOUT,
                method
                    + " "
                    + path
                    + " to "
                    + where
                    + " did not succeed within the deadline of "
                    + seconds(settings.deadline)
                    + " ("
                    + attempts
                    + (attempts == 1 ? " attempt" : " attempts")
                    + lastText
                    + ")")
            .request(method, path)
            .cause(last);
    if (last != null) {
      last.status().ifPresent(b::status);
      last.reason().ifPresent(b::reason);
      last.serverMessage().ifPresent(b::serverMessage);
    }
    return b.build();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static boolean transientFailure(IOException e) {
    return !(e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLException
        || e instanceof SocketTimeoutException
        || e instanceof InterruptedIOException);
  }

  private Answer once(
      String method,
      String path,
      List<Pair> query,
      byte[] body,
      String contentType,
      long timeoutNanos)
      throws IOException {
    Map<String, String> h = new LinkedHashMap<>(headers);
    if (body != null) {
      h.put("Content-Type", contentType);
    }
    Call call;
    try {
      call =
          client.buildCall(
              client.getBasePath(),
              path,
              method,
              query,
              List.of(),
              body,
              h,
              Map.of(),
              Map.of(),
              new String[] {"BearerToken"},
              null);
    } catch (ApiException e) {
      throw ClusterAccessException.builder(
              Failure.CONFIGURATION,
              "cannot build the request " + method + " " + path + ": " + e.getMessage())
          .request(method, path)
          .build();
    }
    if (!impersonateGroups.isEmpty()) {
      okhttp3.Request.Builder rb = call.request().newBuilder();
      for (String g : impersonateGroups) {
        rb.addHeader("Impersonate-Group", g);
      }
      call = client.getHttpClient().newCall(rb.build());
    }
    call.timeout().timeout(Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
    requests.incrementAndGet();
    if (body != null) {
      bytesOut.addAndGet(body.length);
    }
    long start = System.nanoTime();
    try (Response r = call.execute()) {
      ResponseBody rb = r.body();
      byte[] bytes = rb == null ? new byte[0] : rb.bytes();
      bytesIn.addAndGet(bytes.length);
      return new Answer(
          r.code(), new String(bytes, StandardCharsets.UTF_8), retryAfter(r.header("Retry-After")));
    } finally {
      nanos.addAndGet(System.nanoTime() - start);
    }
  }

  private static long retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String h = header.strip();
    try {
      long s = Long.parseLong(h);
      return s < 0 ? -1 : TimeUnit.SECONDS.toNanos(Math.min(s, 3600));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
        long ms = at.toInstant().toEpochMilli() - System.currentTimeMillis();
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms));
      } catch (RuntimeException ex) {
        return -1;
      }
    }
  }

  private ClusterAccessException statusFailure(String method, String path, Answer a) {
    String reason = null;
    String message = null;
    try {
      JsonElement e = JsonParser.parseString(a.body);
      if (e.isJsonObject()) {
        JsonObject o = e.getAsJsonObject();
        if (o.get("reason") != null && o.get("reason").isJsonPrimitive()) {
          reason = o.get("reason").getAsString();
        }
        if (o.get("message") != null && o.get("message").isJsonPrimitive()) {
          message = o.get("message").getAsString();
        }
      }
    } catch (RuntimeException e) {
      // not a Status: keep the start of the text
    }
    if (message == null && !a.body.isBlank() && a.body.length() < 2000) {
      message = a.body;
    }
    if (message != null) {
      message = Requests.oneLine(message);
    }
    if (reason == null) {
      reason = defaultReason(a.status);
    }
    ClusterAccessException base = Requests.httpFailure(method, path, a.status, reason, message);
    return ClusterAccessException.builder(base.failure(), base.getMessage() + " [" + where + "]")
        .status(a.status)
        .reason(reason)
        .serverMessage(message)
        .request(method, path)
        .build();
  }

  private static String defaultReason(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 409 -> "Conflict";
      case 410 -> "Expired";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> null;
    };
  }

  private ClusterAccessException ioFailure(String method, String path, IOException e) {
    Failure problem;
    String message;
    String request = method + " " + path;
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      problem = Failure.CONNECTION;
      message =
          "cannot connect to the API server "
              + where
              + " ("
              + Requests.oneLine(String.valueOf(e.getMessage()))
              + ") for "
              + request
              + ": is the cluster running, and is the kubeconfig's server address right?";
    } else if (e instanceof UnknownHostException) {
      problem = Failure.CONNECTION;
      message =
          "cannot resolve the API server host of "
              + where
              + " ("
              + e.getMessage()
              + ") for "
              + request
              + ": check the server address in the kubeconfig";
    } else if (e instanceof SSLPeerUnverifiedException) {
      problem = Failure.TLS;
      message =
          "TLS failure talking to "
              + where
              + " for "
              + request
              + ": the server's certificate is not valid for this host name ("
              + Requests.oneLine(String.valueOf(e.getMessage()))
              + "); check the server address or set tls-server-name for the cluster";
    } else if (e instanceof SSLException) {
      problem = Failure.TLS;
      if (untrusted(e)) {
        message =
            "TLS failure talking to "
                + where
                + " for "
                + request
                + ": the server's certificate is not signed by the configured certificate authority;"
                + " fix certificate-authority-data (or certificate-authority) of the cluster in the"
                + " kubeconfig, or check that the server address points to that cluster";
      } else {
        message =
            "TLS handshake with "
                + where
                + " failed for "
                + request
                + ": "
                + Requests.oneLine(String.valueOf(e.getMessage()))
                + (e instanceof SSLHandshakeException
                    ? "; check the CA, client certificate and server address"
                    : "");
      }
    } else if (e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && Thread.currentThread().isInterrupted()) {
      problem = Failure.INTERRUPTED;
      message = "interrupted while waiting for " + where + " to answer " + request;
    } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      problem = Failure.TIMEOUT;
      message =
          "the API server "
              + where
              + " did not answer "
              + request
              + " in time ("
              + Requests.oneLine(String.valueOf(e.getMessage()))
              + "); raise the timeouts, or check the network and the server's load";
    } else {
      problem = Failure.CONNECTION;
      message =
          "the connection to the API server "
              + where
              + " failed during "
              + request
              + ": "
              + Requests.oneLine(String.valueOf(e.getMessage()));
    }
    return ClusterAccessException.builder(problem, message).request(method, path).cause(e).build();
  }

  private static boolean untrusted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException
          || t.getClass().getName().endsWith("SunCertPathBuilderException")
          || (t instanceof CertificateException && String.valueOf(t.getMessage()).contains("PKIX"))
          || String.valueOf(t.getMessage()).contains("unable to find valid certification path")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The query string of parameters, for messages.
   *
   * @param query the parameters
   * @return {@code ?a=b&c=d} or empty
   */
  public static String query(List<Pair> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("?");
    for (Pair p : query) {
      if (b.length() > 1) {
        b.append('&');
      }
      b.append(p.getName()).append('=').append(Requests.encode(p.getValue()));
    }
    return b.toString();
  }
}
