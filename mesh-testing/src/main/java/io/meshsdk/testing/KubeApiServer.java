package io.meshsdk.testing;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.testing.internal.ApiResource;
import io.meshsdk.testing.internal.FrontDoor;
import io.meshsdk.testing.internal.KubeApi;
import io.meshsdk.testing.internal.ResourceTable;
import io.meshsdk.testing.internal.Seeds;
import io.meshsdk.testing.internal.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;

/**
 * A real HTTP (or HTTPS) Kubernetes API server on a free localhost port, for tests: objects are
 * stored by fabric8's CRUD API server (kubernetes-server-mock 8.0.0) behind a compatibility layer
 * that makes the official Java client and {@code kubectl} work against it ({@code /version},
 * discovery, {@code Status} errors, {@code SelfSubjectAccessReview} by an {@link AccessPolicy},
 * server dry runs, set-based label selectors, field selectors, {@code limit}/{@code continue}
 * paging), served by okhttp's {@code mockwebserver3}, which also injects {@link Fault faults} and
 * keeps a {@link RequestJournal}.
 *
 * <p>Most tests use it through {@link KubeApiServerExtension}; it can also be started directly:
 *
 * <pre>{@code
 * try (KubeApiServer server = KubeApiServer.builder().seedResource("cluster.yaml").start()) {
 *   ApiClient client = server.apiClient();
 *   ...
 * }
 * }</pre>
 *
 * <p>It is not a full API server: no admission, defaulting or schema validation, no controllers (a
 * Deployment never gets Pods or a status unless seeded), watches return the current objects as
 * {@code ADDED} events and end, and strategic-merge patches are applied as JSON merge patches.
 * Server-side apply ({@code application/apply-patch+yaml}) follows the API server's structured
 * merge in a simplified form: field ownership per manager in {@code metadata.managedFields},
 * removal of fields a manager no longer applies, associative lists merged by key, conflicts (409)
 * and {@code force}; a no-op apply stores nothing. Thread-safe.
 */
public final class KubeApiServer implements AutoCloseable {
  /**
   * The version {@code /version} reports unless {@link Builder#serverVersion(String)} says
   * otherwise: the same as {@link SnapshotCluster#DEFAULT_SERVER_VERSION}.
   */
  public static final String DEFAULT_VERSION = SnapshotCluster.DEFAULT_SERVER_VERSION;

  private final Builder config;
  private final MockWebServer web = new MockWebServer();
  private final RequestJournal journal = new RequestJournal();
  private final KubeApi api;
  private final FrontDoor door;
  private final Tls tls;
  private final String token;
  private final Path dir;
  private final Path kubeconfig;
  private final URI baseUrl;
  private volatile AccessPolicy policy;
  private volatile boolean unknownFields;

  private KubeApiServer(Builder b) {
    this.config = b.copy();
    this.policy = b.policy;
    this.unknownFields = b.unknownFields;
    this.tls = b.https ? Tls.create(b.clock) : null;
    this.token = b.token != null ? b.token : b.https ? randomToken() : null;
    String[] address = new String[1];
    this.api = new KubeApi(b.version, () -> policy, () -> unknownFields, () -> address[0], b.clock);
    b.workloadDelay.ifPresent(api::simulateWorkloads);
    this.door =
        new FrontDoor(
            api,
            (method, path, query, credential, status, fault) ->
                journal.record(
                    new JournalEntry(
                        method, path, query, credential, status, fault.map(Fault::toString))),
            token);
    b.faults.forEach(door::inject);
    web.setDispatcher(door);
    web.setProtocols(List.of(Protocol.HTTP_1_1));
    if (tls != null) {
      web.useHttps(tls.serverContext().getSocketFactory());
    }
    try {
      web.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new KubeApiServerException("cannot start the test API server on 127.0.0.1: " + e, e);
    }
    address[0] = "127.0.0.1:" + web.getPort();
    this.baseUrl =
        URI.create(
            tls != null
                ? "https://localhost:" + web.getPort()
                : "http://127.0.0.1:" + web.getPort());
    try {
      Seeds.store(api, b.seeds);
      this.dir = Files.createTempDirectory("mesh-testing-");
      this.kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, kubeconfigYaml(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the temp folder is private to the user already
      }
    } catch (IOException | RuntimeException e) {
      web.close();
      if (e instanceof KubeApiServerException) {
        throw (KubeApiServerException) e;
      }
      throw new KubeApiServerException("cannot start the test API server: " + e.getMessage(), e);
    }
  }

  /**
   * A builder with the configuration this server was started with — its seeds as given (not what
   * was written since), faults, TLS, bearer token if one was set, access policy, version,
   * unknown-field mode, clock and workload simulation — to start another server alike, or a
   * variant: {@code server.toBuilder().https().start()}.
   *
   * @return a new builder; changing it does not change this server
   */
  public Builder toBuilder() {
    return config.copy();
  }

  /**
   * A builder; {@link Builder#start()} starts the server.
   *
   * @return a builder with the defaults (HTTP, no token, allow-all policy, no seeds)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The URL clients reach the server at: {@code http://127.0.0.1:PORT}, or {@code
   * https://localhost:PORT} in HTTPS mode (the certificate names {@code localhost}).
   *
   * @return the base URL, without a trailing slash
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * A kubeconfig file for this server (context {@code mesh-testing}, namespace {@code default}),
   * with {@code certificate-authority-data} and a bearer token in HTTPS mode, as a real cluster's
   * has. Deleted by {@link #close()}.
   *
   * @return the file
   */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /**
   * A new official client for this server, configured from {@link #kubeconfig()}.
   *
   * @return the client
   */
  public ApiClient apiClient() {
    try {
      return ClientBuilder.kubeconfig(
              KubeConfig.loadKubeConfig(new StringReader(Files.readString(kubeconfig))))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + kubeconfig, e);
    }
  }

  /**
   * A {@link LiveCluster} for this server, configured from {@link #kubeconfig()} (and nothing from
   * the environment: {@code KUBECONFIG} and {@code ~/.kube/config} are ignored).
   *
   * @return the cluster view
   */
  public LiveCluster liveCluster() {
    return liveClusterBuilder().build();
  }

  /**
   * A {@link LiveCluster} builder for this server, to set timeouts, retries or the page size before
   * {@link LiveCluster.Builder#build()}.
   *
   * @return the builder, with this server's kubeconfig and an empty environment
   */
  public LiveCluster.Builder liveClusterBuilder() {
    return LiveCluster.builder().kubeconfig(kubeconfig).environment(Map.of());
  }

  /**
   * Whether the server speaks HTTPS.
   *
   * @return true in HTTPS mode
   */
  public boolean https() {
    return tls != null;
  }

  /**
   * The CA certificate that signed the server's certificate, in HTTPS mode.
   *
   * @return PEM text, empty over HTTP
   */
  public Optional<String> caCertificatePem() {
    return tls == null ? Optional.empty() : Optional.of(tls.caPem());
  }

  /**
   * The requests so far.
   *
   * @return the journal
   */
  public RequestJournal journal() {
    return journal;
  }

  /**
   * Arms a fault for later requests (after the ones given to the builder).
   *
   * @param fault the fault
   */
  public void inject(Fault fault) {
    door.inject(Objects.requireNonNull(fault, "fault"));
  }

  /** Disarms every fault, including the builder's. */
  public void clearFaults() {
    door.clearFaults();
  }

  /**
   * Changes how access reviews are answered.
   *
   * @param newPolicy the policy
   */
  public void accessPolicy(AccessPolicy newPolicy) {
    this.policy = Objects.requireNonNull(newPolicy, "policy");
  }

  /**
   * The current access-review policy.
   *
   * @return the policy
   */
  public AccessPolicy accessPolicy() {
    return policy;
  }

  /**
   * Turns unknown-field injection on or off: when on, every object the server returns carries
   * fields the official client's models do not define (at the top level and in {@code metadata},
   * {@code spec} and {@code status}), as a newer API server's answers do.
   *
   * @param on whether to inject
   */
  public void unknownFields(boolean on) {
    this.unknownFields = on;
  }

  /**
   * Stores more objects (YAML or JSON, several documents, {@code kind: List} dumps).
   *
   * @param yaml the text
   * @throws KubeApiServerException naming the document that cannot be stored
   */
  public void seed(String yaml) {
    Seeds.store(api, read(yaml, "<seed>"));
  }

  /**
   * Every stored object as a {@code kind: List} document, as {@code kubectl get -A -o yaml} would
   * dump them: the resources in discovery order, objects by namespace then name.
   *
   * @return the dump
   */
  public Manifest dump() {
    List<Object> items = new ArrayList<>();
    for (ApiResource r :
        ResourceTable.withCrds(
                api.storedItems(
                    ResourceTable.builtIn()
                        .find("apiextensions.k8s.io", "v1", "customresourcedefinitions")
                        .orElseThrow(),
                    null))
            .all()) {
      if (!r.stored()) {
        continue;
      }
      for (JsonObject o : api.storedItems(r, null)) {
        items.add(io.meshsdk.testing.internal.Json.toTree(o));
      }
    }
    Map<String, Object> list = new java.util.LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", items);
    return Manifest.of(list);
  }

  /** Stops the server and deletes the kubeconfig. */
  @Override
  public void close() {
    web.close();
    try {
      Files.deleteIfExists(kubeconfig);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temp file left behind is not worth failing a test for
    }
  }

  @Override
  public String toString() {
    return "KubeApiServer["
        + baseUrl
        + (token != null ? ", bearer token" : "")
        + ", "
        + policy
        + "]";
  }

  private String kubeconfigYaml() {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: v1\nkind: Config\nclusters:\n- name: mesh-testing\n  cluster:\n")
        .append("    server: ")
        .append(baseUrl)
        .append('\n');
    if (tls != null) {
      y.append("    certificate-authority-data: ")
          .append(
              Base64.getEncoder().encodeToString(tls.caPem().getBytes(StandardCharsets.US_ASCII)))
          .append('\n');
    }
    y.append("contexts:\n- name: mesh-testing\n  context:\n    cluster: mesh-testing\n")
        .append("    user: mesh-testing\n    namespace: default\n")
        .append("current-context: mesh-testing\nusers:\n- name: mesh-testing\n  user:");
    if (token != null) {
      y.append("\n    token: ").append(token).append('\n');
    } else {
      y.append(" {}\n");
    }
    return y.toString();
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "mesh-testing-" + HexFormat.of().formatHex(bytes);
  }

  private static JsonObject versionJson(String gitVersion) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("v(\\d+)\\.(\\d+)\\.\\d+.*").matcher(gitVersion);
    if (!m.matches()) {
      throw new IllegalArgumentException("a server version looks like v1.33.1, not " + gitVersion);
    }
    JsonObject v = new JsonObject();
    v.addProperty("major", m.group(1));
    v.addProperty("minor", m.group(2));
    v.addProperty("emulationMajor", m.group(1));
    v.addProperty("emulationMinor", m.group(2));
    v.addProperty("minCompatibilityMajor", m.group(1));
    v.addProperty(
        "minCompatibilityMinor", String.valueOf(Math.max(0, Integer.parseInt(m.group(2)) - 1)));
    v.addProperty("gitVersion", gitVersion);
    v.addProperty("gitCommit", "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828");
    v.addProperty("gitTreeState", "clean");
    v.addProperty("buildDate", "2026-01-15T10:00:00Z");
    v.addProperty("goVersion", "go1.24.4");
    v.addProperty("compiler", "gc");
    v.addProperty("platform", "linux/amd64");
    return v;
  }

  private static List<Manifest> read(String text, String source) {
    try {
      return ManifestReader.create().readAll(text, source);
    } catch (ManifestException e) {
      throw new KubeApiServerException("cannot read the seed " + source + ": " + e.getMessage(), e);
    }
  }

  /** Configures and starts a server. Not thread-safe. */
  public static final class Builder {
    private final List<Manifest> seeds = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private boolean https;
    private String token;
    private AccessPolicy policy = AccessPolicy.allowAll();
    private JsonObject version = versionJson(DEFAULT_VERSION);
    private boolean unknownFields;
    private Clock clock = Clock.systemUTC();
    private Optional<Duration> workloadDelay = Optional.empty();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.seeds.addAll(seeds);
      b.faults.addAll(faults);
      b.https = https;
      b.token = token;
      b.policy = policy;
      b.version = version.deepCopy();
      b.unknownFields = unknownFields;
      b.clock = clock;
      b.workloadDelay = workloadDelay;
      return b;
    }

    /**
     * Simulates the controllers that make workloads ready (off by default): a Deployment,
     * StatefulSet or DaemonSet ({@code apps/v1}) that is created, replaced, patched or applied
     * (seeds included) gets, once {@code delay} has passed on the server's {@link #clock clock}, a
     * ready status ({@code observedGeneration}; {@code replicas}, {@code readyReplicas}, {@code
     * availableReplicas}, {@code updatedReplicas} and condition {@code Available} for a Deployment,
     * their StatefulSet and DaemonSet counterparts) and Pods made from its template: {@code
     * Running}, {@code Ready}, one ready container status per container (the {@code linkerd-proxy}
     * of an injected template included; native-sidecar init containers running, other init
     * containers completed), the template's labels and annotations, an owner reference (a
     * ReplicaSet, also simulated, for a Deployment), and a node (the stored nodes in turn, one Pod
     * per node for a DaemonSet; {@code mesh-testing-node} when there are none). Nothing runs in the
     * background: the status appears with the first request after the delay, and is written as a
     * controller writes it (a new resourceVersion, not counted in the journal). A new generation (a
     * changed spec) replaces the Pods; deleting the workload deletes them.
     *
     * @param delay how long after a write the workload becomes ready; zero for the next request
     * @return this builder
     */
    public Builder simulateWorkloads(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("the workload delay must not be negative: " + delay);
      }
      this.workloadDelay = Optional.of(delay);
      return this;
    }

    /**
     * Seeds objects from YAML or JSON text (several documents; {@code kind: List} dumps too).
     *
     * @param yaml the text
     * @return this builder
     * @throws KubeApiServerException when the text does not parse (naming the document)
     */
    public Builder seed(String yaml) {
      seeds.addAll(read(yaml, "<seed>"));
      return this;
    }

    /**
     * Seeds objects from a file or from every manifest of a folder.
     *
     * @param fileOrFolder the file or folder
     * @return this builder
     * @throws KubeApiServerException when a file cannot be read or parsed
     */
    public Builder seed(Path fileOrFolder) {
      try {
        seeds.addAll(ManifestReader.create().readAll(fileOrFolder));
      } catch (ManifestException e) {
        throw new KubeApiServerException(
            "cannot read the seed " + fileOrFolder + ": " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Seeds objects from a classpath resource (as {@link ClassLoader#getResource}: no leading
     * slash, e.g. {@code "seeds/linkerd.yaml"}).
     *
     * @param resource the resource name
     * @return this builder
     * @throws KubeApiServerException when the resource does not exist or does not parse
     */
    public Builder seedResource(String resource) {
      String name = resource.startsWith("/") ? resource.substring(1) : resource;
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = KubeApiServer.class.getClassLoader();
      }
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          throw new KubeApiServerException("no classpath resource " + name + " to seed from");
        }
        seeds.addAll(
            read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + name));
      } catch (IOException e) {
        throw new KubeApiServerException("cannot read the classpath resource " + name, e);
      }
      return this;
    }

    /**
     * Seeds documents already read.
     *
     * @param documents the documents
     * @return this builder
     */
    public Builder seed(List<Manifest> documents) {
      seeds.addAll(documents);
      return this;
    }

    /**
     * Serves HTTPS with a certificate for {@code localhost} signed by a fresh CA (made with
     * mesh-core's {@code CertificateAuthority}); the kubeconfig carries the CA as {@code
     * certificate-authority-data} and a bearer token the server requires.
     *
     * @return this builder
     */
    public Builder https() {
      this.https = true;
      return this;
    }

    /**
     * Requires this bearer token on every request (401 otherwise); the kubeconfig carries it. In
     * HTTPS mode a random token is required unless one is given.
     *
     * @param bearerToken the token
     * @return this builder
     */
    public Builder bearerToken(String bearerToken) {
      if (bearerToken == null || bearerToken.isBlank()) {
        throw new IllegalArgumentException("a bearer token must not be blank");
      }
      this.token = bearerToken;
      return this;
    }

    /**
     * How access reviews are answered (default: allow all).
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.policy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * The version {@code /version} reports.
     *
     * @param gitVersion e.g. {@code v1.33.1}
     * @return this builder
     */
    public Builder serverVersion(String gitVersion) {
      this.version = versionJson(gitVersion);
      return this;
    }

    /**
     * Exactly what {@code /version} answers (e.g. the same {@code VersionInfo} a {@code
     * SnapshotCluster} is given); fields left null are not sent.
     *
     * @param info the version
     * @return this builder
     */
    public Builder serverVersion(VersionInfo info) {
      JsonObject v = new JsonObject();
      BiConsumer<String, String> put =
          (k, val) -> {
            if (val != null) {
              v.addProperty(k, val);
            }
          };
      put.accept("major", info.getMajor());
      put.accept("minor", info.getMinor());
      put.accept("emulationMajor", info.getEmulationMajor());
      put.accept("emulationMinor", info.getEmulationMinor());
      put.accept("minCompatibilityMajor", info.getMinCompatibilityMajor());
      put.accept("minCompatibilityMinor", info.getMinCompatibilityMinor());
      put.accept("gitVersion", info.getGitVersion());
      put.accept("gitCommit", info.getGitCommit());
      put.accept("gitTreeState", info.getGitTreeState());
      put.accept("buildDate", info.getBuildDate());
      put.accept("goVersion", info.getGoVersion());
      put.accept("compiler", info.getCompiler());
      put.accept("platform", info.getPlatform());
      this.version = v;
      return this;
    }

    /**
     * Injects fields the official client does not know into every answer (see {@link
     * KubeApiServer#unknownFields(boolean)}).
     *
     * @param on whether to inject
     * @return this builder
     */
    public Builder unknownFields(boolean on) {
      this.unknownFields = on;
      return this;
    }

    /**
     * Arms a fault from the start.
     *
     * @param fault the fault
     * @return this builder
     */
    public Builder fault(Fault fault) {
      faults.add(Objects.requireNonNull(fault, "fault"));
      return this;
    }

    /**
     * The clock of certificates and dry-run timestamps.
     *
     * @param newClock the clock
     * @return this builder
     */
    public Builder clock(Clock newClock) {
      this.clock = Objects.requireNonNull(newClock, "clock");
      return this;
    }

    /**
     * Starts a server with this configuration.
     *
     * @return the running server; close it when done
     * @throws KubeApiServerException when it cannot start or a seed cannot be stored
     */
    public KubeApiServer start() {
      return new KubeApiServer(this);
    }
  }
}
