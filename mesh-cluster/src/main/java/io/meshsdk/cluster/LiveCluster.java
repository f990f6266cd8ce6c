package io.meshsdk.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.credentials.Authentication;
import io.kubernetes.client.util.credentials.UsernamePasswordAuthentication;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.internal.Discovery;
import io.meshsdk.cluster.internal.ExecPlugin;
import io.meshsdk.cluster.internal.Kubeconfig;
import io.meshsdk.cluster.internal.LenientJson;
import io.meshsdk.cluster.internal.Requests;
import io.meshsdk.cluster.internal.Transport;
import io.meshsdk.core.identity.Pem;
import io.meshsdk.core.manifest.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A {@link ClusterView} of a live cluster through the official Kubernetes Java client ({@code
 * io.kubernetes:client-java}).
 *
 * <p><b>Connection.</b> By default the kubeconfig is resolved as kubectl resolves it: the files of
 * {@code KUBECONFIG} merged (several, separated by the platform's path separator), else {@code
 * ~/.kube/config}, else the in-cluster service account of a pod. A kubeconfig file, a context, and
 * impersonation ({@code --as}, {@code --as-group}) can be chosen; or a caller's {@link ApiClient}
 * or a base URL is used as it is. Bearer tokens ({@code token}, {@code tokenFile}), client
 * certificates, basic auth, {@code certificate-authority(-data)}, {@code tls-server-name}, {@code
 * insecure-skip-tls-verify} and {@code exec} credential plugins (EKS's {@code aws eks get-token},
 * {@code gke-gcloud-auth-plugin}, {@code kubelogin}, …; run once when the view is built) work.
 *
 * <p><b>JSON.</b> Answers are read with the SDK's own lenient JSON, per instance: fields that the
 * client's models do not know (newer API servers send them) are ignored. client-java's global
 * {@code JSON} settings are never changed.
 *
 * <p><b>Robustness.</b> Connect and read timeouts; GETs are retried with exponential backoff on 429
 * (honouring {@code Retry-After}), 5xx and dropped connections, each read bounded by a deadline;
 * lists are paged with {@code limit}/{@code continue}. Failures are {@link ClusterAccessException}s
 * with one-line messages that say what to fix, and never contain credentials. {@link #stats()}
 * tells what the reads cost.
 *
 * <p><b>Writing.</b> It is a {@link ClusterWriter}: {@link #apply} is a server-side apply through
 * the same client, timeouts and {@link #stats() statistics} as the reads. A server-side apply is
 * idempotent (the same manifest applied twice gives the same object), so it is retried like a GET
 * on 429, 5xx and dropped connections; every other write ({@link #dryRunCreate}, access reviews) is
 * sent once. Kinds are mapped to resources without a request for the kinds of {@link ResourceKind}
 * and through discovery, cached per instance, for every other kind.
 *
 * <p><b>Caching.</b> Every call is a request. For a run of checks, wrap the view in a {@link
 * CachedClusterView} so that each list is fetched once and shared.
 *
 * <pre>{@code
 * LiveCluster cluster = LiveCluster.builder().context("prod").build();
 * VersionInfo version = cluster.serverVersion();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class LiveCluster implements ClusterWriter {

  private final Transport transport;
  private final Discovery discovery;
  private final LenientJson json = new LenientJson();
  private final String server;
  private final Optional<String> context;
  private final String namespace;
  private final Builder origin;

  private LiveCluster(
      Transport transport,
      String server,
      Optional<String> context,
      String namespace,
      Builder origin) {
    this.origin = origin;
    this.transport = transport;
    this.discovery = new Discovery(transport);
    this.server = server;
    this.context = context;
    this.namespace = namespace;
  }

  /**
   * A builder holding every setting this view was built with, so that a variant can be derived
   * (another context, {@code --as}, timeouts): {@code live.toBuilder().context("prod").build()}.
   * Building it resolves the kubeconfig again.
   *
   * @return a new builder; changing it does not change this view
   */
  public Builder toBuilder() {
    return origin.copy();
  }

  /**
   * Starts a live view; {@link Builder#build()} without other settings uses the default kubeconfig.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API server's URL.
   *
   * @return e.g. {@code https://10.0.0.1:6443}
   */
  public String server() {
    return server;
  }

  /**
   * The kubeconfig context in use.
   *
   * @return the context name, or empty for in-cluster configuration, a caller's client or a base
   *     URL
   */
  public Optional<String> context() {
    return context;
  }

  /**
   * The namespace of the context (of the service account in a pod), {@code default} when unset.
   *
   * @return the namespace
   */
  public String namespace() {
    return namespace;
  }

  /**
   * What the reads cost so far.
   *
   * @return the statistics
   */
  public ClusterStats stats() {
    return transport.stats();
  }

  @Override
  public VersionInfo serverVersion() {
    JsonObject o = transport.getRequired("/version");
    return model(o, VersionInfo.class, "GET /version");
  }

  @Override
  public <T extends KubernetesObject> List<T> list(ResourceKind<T> kind, ListQuery query) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(query, "query");
    kind.requireListable(query);
    String path = Requests.path(kind.resource(), query.namespace(), Optional.empty());
    List<JsonObject> items = transport.list(path, selectors(query));
    List<T> out = new ArrayList<>(items.size());
    for (JsonObject item : items) {
      out.add(typed(item, kind, "GET " + path));
    }
    return List.copyOf(out);
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(
      ResourceKind<T> kind, String namespace, String name) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    kind.requireNamespaced();
    String path = Requests.path(kind.resource(), Optional.of(namespace), Optional.of(name));
    return transport.get(path).map(o -> typed(o, kind, "GET " + path));
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String name) {
    Objects.requireNonNull(name, "name");
    kind.requireClusterScoped();
    String path = Requests.path(kind.resource(), Optional.empty(), Optional.of(name));
    return transport.get(path).map(o -> typed(o, kind, "GET " + path));
  }

  @Override
  public List<Map<String, Object>> listCustom(GroupVersionResource resource, ListQuery query) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(query, "query");
    String path = Requests.path(resource, query.namespace(), Optional.empty());
    List<JsonObject> items;
    try {
      items = transport.list(path, selectors(query));
    } catch (ClusterAccessException e) {
      if (e.failure() == Failure.NOT_FOUND
          && query.namespace().isPresent()
          && clusterScoped(resource)) {
        return List.of();
      }
      throw e;
    }
    List<Map<String, Object>> out = new ArrayList<>(items.size());
    for (JsonObject item : items) {
      out.add(tree(item));
    }
    return List.copyOf(out);
  }

  /** Whether a resource that 404s for a namespace is served cluster-wide. */
  private boolean clusterScoped(GroupVersionResource resource) {
    try {
      transport.getRequired(
          Requests.path(resource, Optional.empty(), Optional.empty()) + "?limit=1");
      return true;
    } catch (ClusterAccessException e) {
      return false;
    }
  }

  @Override
  public Optional<Map<String, Object>> getCustom(
      GroupVersionResource resource, String namespace, String name) {
    Objects.requireNonNull(resource, "resource");
    String path = Requests.path(resource, Optional.of(namespace), Optional.of(name));
    return transport.get(path).map(LiveCluster::tree);
  }

  @Override
  public Optional<Map<String, Object>> getCustom(GroupVersionResource resource, String name) {
    Objects.requireNonNull(resource, "resource");
    String path = Requests.path(resource, Optional.empty(), Optional.of(name));
    return transport.get(path).map(LiveCluster::tree);
  }

  @Override
  public V1SubjectAccessReviewStatus accessReview(V1ResourceAttributes attributes) {
    Objects.requireNonNull(attributes, "attributes");
    JsonObject review = new JsonObject();
    review.addProperty("apiVersion", "authorization.k8s.io/v1");
    review.addProperty("kind", "SelfSubjectAccessReview");
    JsonObject spec = new JsonObject();
    spec.add("resourceAttributes", json.gson().toJsonTree(attributes));
    review.add("spec", spec);
    String path = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    JsonObject answer = transport.post(path, List.of(), bytes(review));
    JsonElement status = answer.get("status");
    if (status == null || !status.isJsonObject()) {
      throw ClusterAccessException.builder(
              Failure.MALFORMED_RESPONSE,
              "the answer of " + server + " to POST " + path + " has no status (decision)")
          .request("POST", path)
          .build();
    }
    return model(status.getAsJsonObject(), V1SubjectAccessReviewStatus.class, "POST " + path);
  }

  @Override
  public Map<String, Object> dryRunCreate(Manifest object) {
    Objects.requireNonNull(object, "object");
    Map<String, Object> tree =
        object
            .object()
            .orElseThrow(() -> new IllegalArgumentException(object.location() + ": not an object"));
    JsonObject o = LenientJson.toJsonObject(tree);
    String apiVersion = string(o.get("apiVersion"));
    String kind = string(o.get("kind"));
    JsonObject meta = o.get("metadata") instanceof JsonObject m ? m : null;
    String name = meta == null ? "" : string(meta.get("name"));
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException(
          object.location() + ": a dry-run create needs apiVersion, kind and metadata.name");
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    String ns = string(meta.get("namespace"));
    Optional<ResourceKind<?>> known = Optional.empty();
    for (ResourceKind<?> k : ResourceKind.all()) {
      if (k.group().equals(group) && k.kind().equals(kind)) {
        known = Optional.of(k);
      }
    }
    String plural = known.map(ResourceKind::plural).orElse(Requests.guessPlural(kind));
    boolean namespaced = known.map(ResourceKind::namespaced).orElse(!ns.isEmpty());
    Optional<String> inNamespace = Optional.empty();
    if (namespaced) {
      inNamespace = Optional.of(ns.isEmpty() ? namespace : ns);
      meta.addProperty("namespace", inNamespace.get());
    }
    String path =
        Requests.path(
            GroupVersionResource.of(group, version, plural), inNamespace, Optional.empty());
    return tree(transport.post(path, List.of(new Pair("dryRun", "All")), bytes(o)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Retried on 429 (honouring {@code Retry-After}), 5xx and dropped connections within the
   * request deadline, since a server-side apply is idempotent.
   */
  @Override
  public Map<String, Object> apply(Manifest object, ApplyOptions options) {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(options, "options");
    Discovery.Target t = discovery.target(object, "a server-side apply");
    JsonObject body = LenientJson.toJsonObject(object.object().orElseThrow());
    List<Pair> query = new ArrayList<>(3);
    query.add(new Pair("fieldManager", options.fieldManager()));
    query.add(new Pair("force", String.valueOf(options.force())));
    if (options.dryRun()) {
      query.add(new Pair("dryRun", "All"));
    }
    try {
      return tree(
          transport.idempotentPatch(t.path(), query, "application/apply-patch+yaml", bytes(body)));
    } catch (ClusterAccessException e) {
      if (e.failure() != Failure.CONFLICT) {
        throw e;
      }
      ClusterAccessException.Builder b =
          ClusterAccessException.builder(
                  Failure.CONFLICT,
                  "server-side apply of "
                      + t.describe()
                      + " as field manager \""
                      + options.fieldManager()
                      + "\" conflicts with other field managers ("
                      + e.getMessage()
                      + "); leave those fields out of the manifest, or take them over with"
                      + " ApplyOptions force(true) (kubectl apply --server-side"
                      + " --force-conflicts)")
              .cause(e);
      e.status().ifPresent(b::status);
      e.reason().ifPresent(b::reason);
      e.serverMessage().ifPresent(b::serverMessage);
      e.method().ifPresent(m -> b.request(m, e.path().orElse("")));
      throw b.build();
    }
  }

  @Override
  public Optional<Map<String, Object>> getObject(Manifest object) {
    Objects.requireNonNull(object, "object");
    Discovery.Target t = discovery.target(object, "reading the live object");
    return transport.get(t.path()).map(LiveCluster::tree);
  }

  /**
   * The cluster, for messages.
   *
   * @return e.g. {@code LiveCluster https://10.0.0.1:6443 (context prod)}
   */
  @Override
  public String toString() {
    return "LiveCluster " + server + context.map(c -> " (context " + c + ")").orElse("");
  }

  // ---------------------------------------------------------------- helpers

  private static List<Pair> selectors(ListQuery q) {
    List<Pair> p = new ArrayList<>(2);
    q.labelSelector().ifPresent(s -> p.add(new Pair("labelSelector", s)));
    q.fieldSelector().ifPresent(s -> p.add(new Pair("fieldSelector", s)));
    return p;
  }

  private <T extends KubernetesObject> T typed(JsonObject o, ResourceKind<T> kind, String request) {
    // list items come without apiVersion and kind; fill them in as kubectl does
    if (!o.has("apiVersion") || o.get("apiVersion").isJsonNull()) {
      o.addProperty("apiVersion", kind.apiVersion());
    }
    if (!o.has("kind") || o.get("kind").isJsonNull()) {
      o.addProperty("kind", kind.kind());
    }
    return model(o, kind.type(), request);
  }

  private <T> T model(JsonObject o, Class<T> type, String request) {
    try {
      return json.toModel(o, type);
    } catch (JsonParseException e) {
      String name = o.get("metadata") instanceof JsonObject m ? string(m.get("name")) : "";
      throw ClusterAccessException.builder(
              Failure.MALFORMED_RESPONSE,
              "the answer of "
                  + server
                  + " to "
                  + request
                  + " does not fit the "
                  + type.getSimpleName()
                  + " model"
                  + (name.isEmpty() ? "" : " (object " + name + ")")
                  + ": "
                  + Requests.oneLine(String.valueOf(e.getMessage())))
          .request(
              request.substring(0, request.indexOf(' ')),
              request.substring(request.indexOf(' ') + 1))
          .cause(e)
          .build();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(JsonObject o) {
    return (Map<String, Object>) LenientJson.toTree(o);
  }

  private byte[] bytes(JsonElement e) {
    return json.gson().toJson(e).getBytes(StandardCharsets.UTF_8);
  }

  private static String string(JsonElement e) {
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }

  /** Builds a {@link LiveCluster}. */
  public static final class Builder {
    private Optional<Path> kubeconfig = Optional.empty();
    private Optional<String> context = Optional.empty();
    private Optional<String> impersonateUser = Optional.empty();
    private final List<String> impersonateGroups = new ArrayList<>();
    private Optional<ApiClient> apiClient = Optional.empty();
    private Optional<String> baseUrl = Optional.empty();
    private Optional<String> bearerToken = Optional.empty();
    private Optional<byte[]> certificateAuthority = Optional.empty();
    private boolean inCluster;
    private Map<String, String> environment = System.getenv();
    private Path serviceAccountDir = Kubeconfig.SERVICE_ACCOUNT_DIR;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration deadline = Duration.ofSeconds(60);
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private int maxAttempts = 6;
    private int pageSize = 500;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.kubeconfig = kubeconfig;
      b.context = context;
      b.impersonateUser = impersonateUser;
      b.impersonateGroups.addAll(impersonateGroups);
      b.apiClient = apiClient;
      b.baseUrl = baseUrl;
      b.bearerToken = bearerToken;
      b.certificateAuthority = certificateAuthority;
      b.inCluster = inCluster;
      b.environment = environment;
      b.serviceAccountDir = serviceAccountDir;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.deadline = deadline;
      b.initialBackoff = initialBackoff;
      b.maxBackoff = maxBackoff;
      b.maxAttempts = maxAttempts;
      b.pageSize = pageSize;
      return b;
    }

    /**
     * Uses this kubeconfig file instead of the default resolution ({@code --kubeconfig}).
     *
     * @param file the kubeconfig
     * @return this builder
     */
    public Builder kubeconfig(Path file) {
      this.kubeconfig = Optional.of(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Uses this context instead of the kubeconfig's current context ({@code --context}).
     *
     * @param context the context name
     * @return this builder
     */
    public Builder context(String context) {
      this.context = Optional.of(Objects.requireNonNull(context, "context"));
      return this;
    }

    /**
     * Acts as another user ({@code --as}).
     *
     * @param user the user name to impersonate
     * @return this builder
     */
    public Builder impersonate(String user) {
      this.impersonateUser = Optional.of(Objects.requireNonNull(user, "user"));
      return this;
    }

    /**
     * Acts with an additional group ({@code --as-group}, repeatable).
     *
     * @param group the group to impersonate
     * @return this builder
     */
    public Builder impersonateGroup(String group) {
      this.impersonateGroups.add(Objects.requireNonNull(group, "group"));
      return this;
    }

    /**
     * Uses a caller's client as it is configured (base path, TLS, credentials, timeouts); the
     * kubeconfig is not read.
     *
     * @param client the client
     * @return this builder
     */
    public Builder apiClient(ApiClient client) {
      this.apiClient = Optional.of(Objects.requireNonNull(client, "client"));
      return this;
    }

    /**
     * Talks to this URL without a kubeconfig (e.g. a test server or {@code kubectl proxy}), without
     * credentials unless {@link #bearerToken} is set.
     *
     * @param url e.g. {@code http://127.0.0.1:8001}
     * @return this builder
     */
    public Builder baseUrl(String url) {
      String u = Objects.requireNonNull(url, "url");
      this.baseUrl = Optional.of(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
      return this;
    }

    /**
     * Sends this bearer token (with {@link #baseUrl}).
     *
     * @param token the token
     * @return this builder
     */
    public Builder bearerToken(String token) {
      this.bearerToken = Optional.of(Objects.requireNonNull(token, "token"));
      return this;
    }

    /**
     * Trusts these CA certificates for the server (with {@link #baseUrl}).
     *
     * @param pem the CA certificates, PEM
     * @return this builder
     */
    public Builder certificateAuthority(String pem) {
      this.certificateAuthority =
          Optional.of(Objects.requireNonNull(pem, "pem").getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /**
     * Uses the pod's service account, as a program running in the cluster does.
     *
     * @return this builder
     */
    public Builder inCluster() {
      this.inCluster = true;
      return this;
    }

    /**
     * The environment to resolve the kubeconfig from ({@code KUBECONFIG}, {@code HOME}, {@code
     * KUBERNETES_SERVICE_HOST}/{@code _PORT}) and to run exec plugins with; default the process
     * environment.
     *
     * @param environment the variables
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * Where in-cluster credentials are mounted (default {@code
     * /var/run/secrets/kubernetes.io/serviceaccount}).
     *
     * @param dir the folder with {@code token}, {@code ca.crt} and {@code namespace}
     * @return this builder
     */
    public Builder serviceAccountDir(Path dir) {
      this.serviceAccountDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * The TCP connect timeout (default 10 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /**
     * The read timeout: the longest silence while waiting for an answer (default 30 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "read timeout");
      return this;
    }

    /**
     * The deadline of one read, retries and pages included (default 60 s).
     *
     * @param deadline the deadline
     * @return this builder
     */
    public Builder requestDeadline(Duration deadline) {
      this.deadline = positive(deadline, "request deadline");
      return this;
    }

    /**
     * The retries: the most attempts per request (default 6) and the first wait, doubled for each
     * further retry up to 5 s (default 200 ms). A {@code Retry-After} answer replaces the wait.
     *
     * @param maxAttempts attempts per request, at least 1 (1 means no retries)
     * @param initialBackoff the first wait
     * @return this builder
     */
    public Builder retries(int maxAttempts, Duration initialBackoff) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      this.initialBackoff = positive(initialBackoff, "initial backoff");
      return this;
    }

    /**
     * The page size of lists ({@code limit}, default 500).
     *
     * @param size objects per page, at least 1
     * @return this builder
     */
    public Builder pageSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("page size must be at least 1");
      }
      this.pageSize = size;
      return this;
    }

    /**
     * Builds the view: resolves the kubeconfig and runs an exec credential plugin if one is
     * configured; no request is sent yet.
     *
     * @return the view
     * @throws ClusterAccessException ({@link Failure#CONFIGURATION}) for a missing or malformed
     *     kubeconfig, an unknown context, unreadable credential files or a failing exec plugin
     */
    public LiveCluster build() {
      Transport.Settings settings =
          new Transport.Settings(pageSize, deadline, initialBackoff, maxBackoff, maxAttempts);
      if (apiClient.isPresent()) {
        ApiClient c = apiClient.get();
        return new LiveCluster(
            new Transport(c, settings, impersonateUser, impersonateGroups, c.getBasePath()),
            c.getBasePath(),
            Optional.empty(),
            "default",
            copy());
      }
      if (baseUrl.isPresent()) {
        ClientBuilder cb =
            new ClientBuilder().setBasePath(baseUrl.get()).setReadTimeout(readTimeout);
        certificateAuthority.ifPresent(cb::setCertificateAuthority);
        bearerToken.ifPresent(t -> cb.setAuthentication(new AccessTokenAuthentication(t)));
        ApiClient c = cb.build();
        c.setConnectTimeout((int) connectTimeout.toMillis());
        return new LiveCluster(
            new Transport(c, settings, impersonateUser, impersonateGroups, baseUrl.get()),
            baseUrl.get(),
            Optional.empty(),
            "default",
            copy());
      }
      Kubeconfig.Resolved r;
      if (inCluster) {
        r = Kubeconfig.inCluster(environment, serviceAccountDir);
      } else if (kubeconfig.isPresent()) {
        Path f = kubeconfig.get();
        if (!Files.exists(f)) {
          throw ClusterAccessException.builder(
                  Failure.CONFIGURATION,
                  "kubeconfig " + f + " does not exist; pass an existing file")
              .build();
        }
        r = Kubeconfig.resolve(List.of(f), context);
      } else {
        r = Kubeconfig.resolveDefault(environment, context, serviceAccountDir);
      }
      return fromResolved(r, settings);
    }

    private LiveCluster fromResolved(Kubeconfig.Resolved r, Transport.Settings settings) {
      ClientBuilder cb = new ClientBuilder().setBasePath(r.server()).setReadTimeout(readTimeout);
      r.certificateAuthority().ifPresent(cb::setCertificateAuthority);
      if (r.insecureSkipTlsVerify()) {
        cb.setVerifyingSsl(false);
      }
      r.tlsServerName().ifPresent(cb::setTlsServerName);
      Optional<String> token = r.token();
      Optional<byte[]> cert = r.clientCertificate();
      Optional<byte[]> key = r.clientKey();
      if (r.exec().isPresent()) {
        ExecPlugin.Credential c =
            ExecPlugin.run(r.exec().get(), r.user(), environment, Duration.ofSeconds(60));
        if (c.token().isPresent()) {
          token = c.token();
        }
        if (c.clientCertificate().isPresent()) {
          cert = c.clientCertificate();
          key = c.clientKey();
        }
      }
      List<Authentication> auths = new ArrayList<>();
      if (cert.isPresent() != key.isPresent()) {
        throw ClusterAccessException.builder(
                Failure.CONFIGURATION,
                "user \""
                    + r.user()
                    + "\" ("
                    + r.source()
                    + ") has a client certificate without a"
                    + " key or a key without a certificate")
            .build();
      }
      if (cert.isPresent()) {
        KeyManager[] keyManagers = keyManagers(r, cert.get(), key.get());
        auths.add(client -> client.setKeyManagers(keyManagers));
      }
      token.ifPresent(t -> auths.add(new AccessTokenAuthentication(t)));
      if (token.isEmpty() && r.username().isPresent()) {
        auths.add(new UsernamePasswordAuthentication(r.username().get(), r.password().orElse("")));
      }
      if (!auths.isEmpty()) {
        cb.setAuthentication(client -> auths.forEach(a -> a.provide(client)));
      }
      ApiClient c;
      try {
        c = cb.build();
      } catch (RuntimeException e) {
        throw ClusterAccessException.builder(
                Failure.CONFIGURATION,
                "cannot use the credentials or CA of context \""
                    + r.context()
                    + "\" ("
                    + r.source()
                    + "): "
                    + Requests.oneLine(String.valueOf(e.getMessage()))
                    + "; check certificate-authority-data, client-certificate-data and"
                    + " client-key-data (PEM, base64-encoded)")
            .cause(e)
            .build();
      }
      c.setConnectTimeout((int) connectTimeout.toMillis());
      Optional<String> as = impersonateUser.isPresent() ? impersonateUser : r.impersonateUser();
      List<String> groups = impersonateGroups.isEmpty() ? r.impersonateGroups() : impersonateGroups;
      String where = r.server() + (r.context().isEmpty() ? "" : " (context " + r.context() + ")");
      return new LiveCluster(
          new Transport(c, settings, as, groups, where),
          r.server(),
          r.context().isEmpty() ? Optional.empty() : Optional.of(r.context()),
          r.namespace(),
          copy());
    }

    /**
     * Key managers for a client certificate, read with mesh-core's PEM reader (SEC1, PKCS#1 and
     * PKCS#8 keys) into an in-memory key store; unlike client-java's certificate authentication
     * this registers no global security provider.
     */
    private static KeyManager[] keyManagers(Kubeconfig.Resolved r, byte[] certPem, byte[] keyPem) {
      String what = "the client certificate of user \"" + r.user() + "\" (" + r.source() + ")";
      List<X509Certificate> chain;
      PrivateKey privateKey;
      try {
        chain = Pem.decodeCertificates(new String(certPem, StandardCharsets.UTF_8));
        privateKey = Pem.decodePrivateKey(new String(keyPem, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw ClusterAccessException.builder(
                Failure.CONFIGURATION,
                what
                    + " cannot be read: "
                    + Requests.oneLine(String.valueOf(e.getMessage()))
                    + "; check client-certificate(-data) and client-key(-data)")
            .build();
      }
      if (chain.isEmpty()) {
        throw ClusterAccessException.builder(
                Failure.CONFIGURATION,
                what + " holds no certificate; check client-certificate(-data)")
            .build();
      }
      if (!Pem.keyMatches(privateKey, chain.get(0))) {
        throw ClusterAccessException.builder(
                Failure.CONFIGURATION,
                what + " does not match its key; check client-certificate-data and client-key-data")
            .build();
      }
      try {
        char[] password = "mesh-sdk-in-memory".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", privateKey, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf.getKeyManagers();
      } catch (GeneralSecurityException | java.io.IOException e) {
        throw ClusterAccessException.builder(
                Failure.CONFIGURATION, what + " cannot be used: " + e.getClass().getSimpleName())
            .build();
      }
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
