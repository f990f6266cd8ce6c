package io.meshsdk.testing.internal;

import io.meshsdk.testing.Fault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.BufferedSink;

/**
 * The server's front door on okhttp's {@code mockwebserver3}: it records every request, injects
 * faults, checks the bearer token and hands the rest to {@link KubeApi}.
 */
public final class FrontDoor extends Dispatcher {
  /** Receives one journal record per request. */
  public interface Recorder {
    /**
     * Records a request.
     *
     * @param method the method
     * @param path the path
     * @param query the query parameters
     * @param credentialSent whether an Authorization header came
     * @param status the status answered, 0 for none
     * @param fault the fault applied
     */
    void record(
        String method,
        String path,
        Map<String, List<String>> query,
        boolean credentialSent,
        int status,
        Optional<Fault> fault);
  }

  private static final class Armed {
    final Fault fault;
    final AtomicInteger remaining;

    Armed(Fault fault) {
      this.fault = fault;
      this.remaining = new AtomicInteger(fault.limit().orElse(-1));
    }

    boolean fire() {
      while (true) {
        int left = remaining.get();
        if (left < 0) {
          return true;
        }
        if (left == 0) {
          return false;
        }
        if (remaining.compareAndSet(left, left - 1)) {
          return true;
        }
      }
    }
  }

  private final KubeApi api;
  private final Recorder recorder;
  private final String token;
  private final List<Armed> faults = new CopyOnWriteArrayList<>();

  /**
   * Creates the front door.
   *
   * @param api the API behind it
   * @param recorder the journal
   * @param token the bearer token every request must carry, or null for none
   */
  public FrontDoor(KubeApi api, Recorder recorder, String token) {
    this.api = api;
    this.recorder = recorder;
    this.token = token;
  }

  /**
   * Arms a fault.
   *
   * @param fault the fault
   */
  public void inject(Fault fault) {
    faults.add(new Armed(fault));
  }

  /** Disarms every fault. */
  public void clearFaults() {
    faults.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String method = request.getMethod();
    String path = url.encodedPath();
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      String v = url.queryParameterValue(i);
      query
          .computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>())
          .add(v == null ? "" : v);
    }
    String authorization = request.getHeaders().get("Authorization");
    boolean credentialSent = authorization != null;

    long latencyMillis = 0;
    Fault failure = null;
    Fault latency = null;
    for (Armed a : faults) {
      if (!a.fault.matches(method, path)) {
        continue;
      }
      if (a.fault.type() == Fault.Type.LATENCY) {
        if (a.fire()) {
          latencyMillis += a.fault.delay().toMillis();
          latency = a.fault;
        }
      } else if (failure == null && a.fire()) {
        failure = a.fault;
      }
    }
    Optional<Fault> applied = Optional.ofNullable(failure != null ? failure : latency);

    MockResponse.Builder out;
    int status;
    if (failure != null
        && failure.type() != Fault.Type.TRUNCATED_BODY
        && failure.type() != Fault.Type.MALFORMED_BODY) {
      switch (failure.type()) {
        case CONNECTION_RESET:
          out =
              new MockResponse.Builder()
                  .onResponseStart(new SocketEffect.CloseSocket(true, false, false));
          status = 0;
          break;
        case STALL:
          out = new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE);
          status = 0;
          break;
        default:
          out = status(failure, method, path);
          status = failure.status();
      }
    } else {
      ApiResponse r;
      if (token != null && !("Bearer " + token).equals(authorization)) {
        r = StatusBodies.failure(401, "Unauthorized", "Unauthorized", null, null);
      } else {
        r = forward(request, method, path, query);
      }
      status = r.code();
      out = new MockResponse.Builder().code(r.code()).setHeader("Content-Type", r.contentType());
      r.headers().forEach(out::setHeader);
      if (failure != null && failure.type() == Fault.Type.TRUNCATED_BODY) {
        out.code(200)
            .body(truncated(r.body().getBytes(StandardCharsets.UTF_8)))
            .onResponseEnd(new SocketEffect.CloseSocket(true, false, false));
        status = 200;
      } else if (failure != null) {
        out.code(200)
            .setHeader("Content-Type", ApiResponse.JSON)
            .body("<html><body><h1>502 Bad Gateway</h1></body></html>\n");
        status = 200;
      } else {
        out.body(r.body());
      }
    }
    if (latencyMillis > 0) {
      out.headersDelay(latencyMillis, TimeUnit.MILLISECONDS);
    }
    recorder.record(method, path, query, credentialSent, status, applied);
    return out.build();
  }

  private ApiResponse forward(
      RecordedRequest request, String method, String path, Map<String, List<String>> query) {
    String contentType = request.getHeaders().get("Content-Type");
    contentType = contentType == null ? "" : contentType;
    if (contentType.startsWith(ProtobufBodies.CONTENT_TYPE)) {
      byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
      Optional<com.google.gson.JsonObject> json;
      try {
        json = ProtobufBodies.toJson(bytes);
      } catch (IllegalArgumentException e) {
        return StatusBodies.failure(400, e.getMessage());
      }
      if (json.isEmpty()) {
        return StatusBodies.failure(
            415,
            "the mesh-testing API server reads protobuf bodies of "
                + "access reviews only; send JSON");
      }
      return api.handle(
          new ApiRequest(method, path, query, ApiResponse.JSON, Json.GSON.toJson(json.get())));
    }
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    return api.handle(new ApiRequest(method, path, query, contentType, body));
  }

  private static MockResponse.Builder status(Fault f, String method, String path) {
    int code = f.status();
    String message;
    switch (code) {
      case 403:
        message =
            "forbidden: User \"mesh-testing\" cannot "
                + method.toLowerCase(java.util.Locale.ROOT)
                + " "
                + path
                + " (fault injected by mesh-testing)";
        break;
      case 429:
        message = "Too many requests, please try again later. (fault injected by mesh-testing)";
        break;
      default:
        message =
            "Internal error occurred: fault injected by mesh-testing ("
                + code
                + " on "
                + method
                + " "
                + path
                + ")";
    }
    ApiResponse r = StatusBodies.failure(code, message);
    MockResponse.Builder b =
        new MockResponse.Builder()
            .code(code)
            .setHeader("Content-Type", r.contentType())
            .body(r.body());
    if (code == 429) {
      b.setHeader("Retry-After", String.valueOf(f.retryAfterSeconds()));
    }
    return b;
  }

  /** A body that promises all bytes and delivers half. */
  private static MockResponseBody truncated(byte[] full) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return full.length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws java.io.IOException {
        sink.write(full, 0, full.length / 2);
        sink.flush();
      }
    };
  }
}
