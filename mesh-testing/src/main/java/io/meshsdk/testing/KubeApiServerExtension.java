package io.meshsdk.testing;

import io.kubernetes.client.openapi.ApiClient;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.LiveCluster;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link KubeApiServer} for a test class (default) or for each test
 * method, and resolves test parameters of the types {@link KubeApiServer}, {@link ApiClient},
 * {@link LiveCluster}, {@link RequestJournal}, a {@link Kubeconfig @Kubeconfig} {@link Path} and a
 * {@link BaseUrl @BaseUrl} {@link URI} or {@link String}.
 *
 * <pre>
 * class MyClusterTest {
 *   &#64;RegisterExtension
 *   static final KubeApiServerExtension KUBE = KubeApiServerExtension.builder()
 *       .seedResource("cluster.yaml")
 *       .build();
 *
 *   &#64;Test
 *   void should_list_pods(ApiClient client) throws Exception {
 *     assertThat(new CoreV1Api(client).listPodForAllNamespaces().execute().getItems()).hasSize(3);
 *   }
 * }
 * </pre>
 *
 * <p>Register it on a {@code static} field: the server then starts before the first test of the
 * class and stops after the last; objects written by one test are seen by the next. With {@link
 * Builder#perMethod()} (or on an instance field) every test gets a fresh server seeded anew. Before
 * each test the {@linkplain KubeApiServer#journal() journal} is cleared; after each test the faults
 * armed during the test are cleared and the builder's access policy and unknown-field setting are
 * restored.
 */
public final class KubeApiServerExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Consumer<KubeApiServer.Builder> configuration;
  private final boolean perMethod;
  private final AccessPolicy initialPolicy;
  private final boolean initialUnknownFields;
  private final java.util.List<Fault> initialFaults;
  private KubeApiServer server;
  private boolean startedForMethod;

  private KubeApiServerExtension(Builder b) {
    this.configuration = b.configuration;
    this.perMethod = b.perMethod;
    // fail at registration, not in the first test, when the configuration is wrong
    configuration.accept(KubeApiServer.builder());
    this.initialPolicy = b.policy;
    this.initialUnknownFields = b.unknownFields;
    this.initialFaults = java.util.List.copyOf(b.faults);
  }

  /**
   * A builder with the same options as {@link KubeApiServer#builder()}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The running server.
   *
   * @return the server
   * @throws IllegalStateException outside a test of the class
   */
  public KubeApiServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "the test API server runs only during the tests of the "
              + "class that registers the extension");
    }
    return server;
  }

  /**
   * A new official client for the server.
   *
   * @return the client
   */
  public ApiClient apiClient() {
    return server().apiClient();
  }

  /**
   * A new {@link LiveCluster} for the server.
   *
   * @return the cluster view
   */
  public LiveCluster liveCluster() {
    return server().liveCluster();
  }

  /**
   * The server's kubeconfig file.
   *
   * @return the path
   */
  public Path kubeconfig() {
    return server().kubeconfig();
  }

  /**
   * The server's base URL.
   *
   * @return the URL
   */
  public URI baseUrl() {
    return server().baseUrl();
  }

  /**
   * The server's request journal.
   *
   * @return the journal
   */
  public RequestJournal journal() {
    return server().journal();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perMethod && server == null) {
      server = start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      server = start();
      startedForMethod = true;
    }
    server.journal().clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (startedForMethod) {
      stop();
      startedForMethod = false;
      return;
    }
    if (server != null) {
      server.clearFaults();
      initialFaults.forEach(server::inject);
      server.accessPolicy(initialPolicy);
      server.unknownFields(initialUnknownFields);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    Class<?> type = pc.getParameter().getType();
    if (pc.isAnnotated(Kubeconfig.class)) {
      return type == Path.class;
    }
    if (pc.isAnnotated(BaseUrl.class)) {
      return type == URI.class || type == String.class;
    }
    return type == KubeApiServer.class
        || type == ApiClient.class
        || type == LiveCluster.class
        || type == RequestJournal.class;
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    if (server == null) {
      throw new ParameterResolutionException(
          "the test API server is not running (parameters "
              + "are resolved for test methods and @BeforeEach/@AfterEach only)");
    }
    Class<?> type = pc.getParameter().getType();
    if (pc.isAnnotated(Kubeconfig.class)) {
      return server.kubeconfig();
    }
    if (pc.isAnnotated(BaseUrl.class)) {
      return type == URI.class ? server.baseUrl() : server.baseUrl().toString();
    }
    if (type == ApiClient.class) {
      return server.apiClient();
    }
    if (type == LiveCluster.class) {
      return server.liveCluster();
    }
    if (type == RequestJournal.class) {
      return server.journal();
    }
    return server;
  }

  private KubeApiServer start() {
    KubeApiServer.Builder b = KubeApiServer.builder();
    configuration.accept(b);
    return b.start();
  }

  private void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Configures the extension; the options are those of {@link KubeApiServer.Builder}. */
  public static final class Builder {
    private Consumer<KubeApiServer.Builder> configuration = b -> {};
    private boolean perMethod;
    private AccessPolicy policy = AccessPolicy.allowAll();
    private boolean unknownFields;
    private final java.util.List<Fault> faults = new java.util.ArrayList<>();

    private Builder() {}

    private Builder with(Consumer<KubeApiServer.Builder> step) {
      configuration = configuration.andThen(step);
      return this;
    }

    /**
     * See {@link KubeApiServer.Builder#seed(String)}.
     *
     * @param yaml the text
     * @return this builder
     */
    public Builder seed(String yaml) {
      return with(b -> b.seed(yaml));
    }

    /**
     * See {@link KubeApiServer.Builder#seed(Path)}.
     *
     * @param fileOrFolder the file or folder
     * @return this builder
     */
    public Builder seed(Path fileOrFolder) {
      return with(b -> b.seed(fileOrFolder));
    }

    /**
     * See {@link KubeApiServer.Builder#seedResource(String)}.
     *
     * @param resource the classpath resource
     * @return this builder
     */
    public Builder seedResource(String resource) {
      return with(b -> b.seedResource(resource));
    }

    /**
     * See {@link KubeApiServer.Builder#https()}.
     *
     * @return this builder
     */
    public Builder https() {
      return with(KubeApiServer.Builder::https);
    }

    /**
     * See {@link KubeApiServer.Builder#bearerToken(String)}.
     *
     * @param token the token
     * @return this builder
     */
    public Builder bearerToken(String token) {
      return with(b -> b.bearerToken(token));
    }

    /**
     * See {@link KubeApiServer.Builder#accessPolicy(AccessPolicy)}; restored after each test.
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.policy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return with(b -> b.accessPolicy(accessPolicy));
    }

    /**
     * See {@link KubeApiServer.Builder#serverVersion(String)}.
     *
     * @param gitVersion e.g. {@code v1.33.1}
     * @return this builder
     */
    public Builder serverVersion(String gitVersion) {
      return with(b -> b.serverVersion(gitVersion));
    }

    /**
     * See {@link
     * KubeApiServer.Builder#serverVersion(io.kubernetes.client.openapi.models.VersionInfo)}.
     *
     * @param info the version
     * @return this builder
     */
    public Builder serverVersion(io.kubernetes.client.openapi.models.VersionInfo info) {
      return with(b -> b.serverVersion(info));
    }

    /**
     * See {@link KubeApiServer.Builder#unknownFields(boolean)}; restored after each test.
     *
     * @param on whether to inject
     * @return this builder
     */
    public Builder unknownFields(boolean on) {
      this.unknownFields = on;
      return with(b -> b.unknownFields(on));
    }

    /**
     * See {@link KubeApiServer.Builder#fault(Fault)}; re-armed after each test.
     *
     * @param fault the fault
     * @return this builder
     */
    public Builder fault(Fault fault) {
      faults.add(Objects.requireNonNull(fault, "fault"));
      return with(b -> b.fault(fault));
    }

    /**
     * See {@link KubeApiServer.Builder#clock(java.time.Clock)}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(java.time.Clock clock) {
      return with(b -> b.clock(clock));
    }

    /**
     * Simulates the controllers that make workloads ready (see {@link
     * KubeApiServer.Builder#simulateWorkloads(java.time.Duration)}).
     *
     * @param delay how long after a write, on the server's clock, a workload becomes ready
     * @return this builder
     */
    public Builder simulateWorkloads(java.time.Duration delay) {
      return with(b -> b.simulateWorkloads(delay));
    }

    /**
     * A fresh server for every test method instead of one per class.
     *
     * @return this builder
     */
    public Builder perMethod() {
      this.perMethod = true;
      return this;
    }

    /**
     * Builds the extension; register it with {@code @RegisterExtension}.
     *
     * @return the extension
     */
    public KubeApiServerExtension build() {
      return new KubeApiServerExtension(this);
    }
  }
}
