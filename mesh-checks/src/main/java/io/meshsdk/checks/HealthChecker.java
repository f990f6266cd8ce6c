package io.meshsdk.checks;

import io.meshsdk.checks.internal.Catalog;
import io.meshsdk.checks.internal.Runner;
import io.meshsdk.checks.internal.Settings;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.identity.IdentityCheck;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.linkerd.LinkerdValues;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.HintUrls;
import io.meshsdk.core.values.HelmValues;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs Linkerd's health checks against a cluster and returns the results as a {@link CheckReport}.
 *
 * <pre>{@code
 * HealthChecker checker = HealthChecker.builder()
 *     .preset(Preset.PROXY)
 *     .dataPlaneNamespace("emojivoto")
 *     .retryDeadline(Duration.ofMinutes(1))
 *     .failurePolicy(FailurePolicy.certificatesExpiringWithin(Duration.ofDays(30)))
 *     .build();
 * CheckReport report = checker.run(cluster);
 * boolean failed = checker.fails(report);
 * }</pre>
 *
 * <p><b>Semantics</b> are {@code linkerd check}'s at linkerd2 b24cd40: categories run in the fixed
 * {@link CheckCategory} order; a failed fatal check stops the run; a skipped check reports nothing;
 * warnings do not fail a run unless the {@link FailurePolicy} says so; retryable checks are retried
 * every 5 seconds until the retry deadline. Independent checks run concurrently and every read is
 * made once per attempt, but results are reported (and heard by the {@link CheckListener}) in
 * Linkerd's order. API failures (403, 500, timeouts) become the failing check's message; the run
 * always finishes with a report.
 *
 * <p><b>Offline by default:</b> nothing leaves the cluster's API. "can determine the latest
 * version" warns, the "… is up-to-date" checks warn {@code unable to determine version channel}
 * unless a {@link VersionLookup} is set, and checks that need a connection to a pod (the viz
 * client, self-check and Prometheus queries) warn that they need one.
 *
 * <p>Immutable and thread-safe: build once, run many times, on many clusters, from many threads.
 */
public final class HealthChecker {
  /** Linkerd's default retry deadline ({@code --wait}): 5 minutes. */
  public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofMinutes(5);

  /** The pause between attempts of a retried check: 5 seconds. */
  public static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

  /** How long one attempt of a check may take: 30 seconds. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

  /** Pauses between attempts of a retried check; tests inject one that advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Pauses.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Optional<ClusterView> cluster;
  private final Settings settings;
  private final CheckListener listener;
  private final FailurePolicy failurePolicy;
  private final Builder source;

  private HealthChecker(Builder b) {
    this.source = b.copy();
    this.cluster = Optional.ofNullable(b.cluster);
    this.listener = b.listener;
    this.failurePolicy = b.failurePolicy;
    Set<CheckCategory> categories = EnumSet.noneOf(CheckCategory.class);
    categories.addAll(b.categories != null ? b.categories : b.preset.categories());
    if (b.categories == null
        && b.preset == Preset.PRE
        && (b.cniEnabled
            || (b.plannedValues != null
                && b.plannedValues.getBoolean("cniEnabled").orElse(false)))) {
      // --pre runs the CNI checks when the CNI plugin is (to be) used
      categories.add(CheckCategory.LINKERD_CNI_PLUGIN);
    }
    boolean extensions = b.categories == null && b.preset.runsExtensions();
    boolean proxy =
        b.categories == null
            ? b.preset.proxy()
            : categories.contains(CheckCategory.LINKERD_DATA_PLANE)
                || categories.contains(CheckCategory.LINKERD_VIZ_DATA_PLANE);
    Duration horizon = b.failurePolicy.certificateHorizon().orElse(IdentityCheck.DEFAULT_HORIZON);
    this.settings =
        new Settings(
            Set.copyOf(categories),
            extensions,
            proxy,
            Set.copyOf(b.onlyChecks),
            b.controlPlaneNamespace,
            Optional.ofNullable(b.dataPlaneNamespace),
            b.cniNamespace,
            Optional.ofNullable(b.vizNamespace),
            Optional.ofNullable(b.plannedValues),
            b.cniEnabled,
            b.clock,
            b.retryDeadline,
            RETRY_INTERVAL,
            b.attemptTimeout,
            b.sleeper,
            horizon,
            b.cliVersion,
            HintUrls.baseForVersion(b.cliVersion),
            List.copyOf(b.expectedCrds),
            Optional.ofNullable(b.versionLookup),
            b.parallelism);
  }

  /**
   * Starts a checker with the defaults of {@code linkerd check}: preset {@link Preset#CORE},
   * namespaces {@code linkerd} / all / {@code linkerd-cni}, the system clock, a 5-minute retry
   * deadline, {@link FailurePolicy#errors()}, offline.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding everything this checker was built with, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return source.copy();
  }

  /**
   * Every check Mesh SDK knows, in run order, with Linkerd's descriptions, anchors and severities
   * (and the 60-day expiry horizon).
   *
   * @return an immutable list
   */
  public static List<Check> catalog() {
    return Catalog.all(Catalog.defaultSettings()).stream().map(d -> d.check()).toList();
  }

  /**
   * The checks this checker runs, in run order, before extensions (which depend on the cluster).
   *
   * @return an immutable list
   */
  public List<Check> checks() {
    return Catalog.select(settings).stream().map(d -> d.check()).toList();
  }

  /**
   * Runs the checks against the builder's cluster.
   *
   * @return the report
   * @throws IllegalStateException when the builder was given no cluster
   */
  public CheckReport run() {
    return run(
        cluster.orElseThrow(
            () ->
                new IllegalStateException(
                    "no cluster: call HealthChecker.Builder.cluster(…) or run(ClusterView)")));
  }

  /**
   * Runs the checks against a cluster.
   *
   * @param cluster the cluster
   * @return the report: every result in run order, skipped ones included (renderers hide them)
   */
  public CheckReport run(ClusterView cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return Runner.run(cluster, settings, listener);
  }

  /**
   * The failure policy.
   *
   * @return the policy
   */
  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /**
   * Whether a report of this checker counts as failed under its policy.
   *
   * @param report the report
   * @return true when the run failed
   */
  public boolean fails(CheckReport report) {
    return failurePolicy.fails(report);
  }

  /** Builds a {@link HealthChecker}. Not thread-safe. */
  public static final class Builder {
    private ClusterView cluster;
    private Preset preset = Preset.CORE;
    private Set<CheckCategory> categories;
    private final Set<String> onlyChecks = new LinkedHashSet<>();
    private String controlPlaneNamespace = LinkerdNames.NAMESPACE;
    private String dataPlaneNamespace;
    private String cniNamespace = LinkerdNames.CNI_NAMESPACE;
    private String vizNamespace;
    private HelmValues plannedValues;
    private boolean cniEnabled;
    private Clock clock = Clock.systemUTC();
    private Duration retryDeadline = DEFAULT_RETRY_DEADLINE;
    private Duration attemptTimeout = ATTEMPT_TIMEOUT;
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private CheckListener listener = r -> {};
    private FailurePolicy failurePolicy = FailurePolicy.errors();
    private String cliVersion = MeshSdk.linkerdVersion();
    private List<ExpectedCrd> expectedCrds = ExpectedCrd.linkerd();
    private VersionLookup versionLookup;
    private int parallelism = 32;

    private Builder() {}

    private Builder copy() {
      Builder c = new Builder();
      c.cluster = cluster;
      c.preset = preset;
      c.categories = categories == null ? null : EnumSet.copyOf(categories);
      c.onlyChecks.addAll(onlyChecks);
      c.controlPlaneNamespace = controlPlaneNamespace;
      c.dataPlaneNamespace = dataPlaneNamespace;
      c.cniNamespace = cniNamespace;
      c.vizNamespace = vizNamespace;
      c.plannedValues = plannedValues;
      c.cniEnabled = cniEnabled;
      c.clock = clock;
      c.retryDeadline = retryDeadline;
      c.attemptTimeout = attemptTimeout;
      c.sleeper = sleeper;
      c.listener = listener;
      c.failurePolicy = failurePolicy;
      c.cliVersion = cliVersion;
      c.expectedCrds = expectedCrds;
      c.versionLookup = versionLookup;
      c.parallelism = parallelism;
      return c;
    }

    /**
     * The cluster {@link #build() built} checkers run against by default.
     *
     * @param cluster the cluster
     * @return this builder
     */
    public Builder cluster(ClusterView cluster) {
      this.cluster = Objects.requireNonNull(cluster, "cluster");
      return this;
    }

    /**
     * Runs a preset (default {@link Preset#CORE}); replaces explicit categories.
     *
     * @param preset the preset
     * @return this builder
     */
    public Builder preset(Preset preset) {
      this.preset = Objects.requireNonNull(preset, "preset");
      this.categories = null;
      return this;
    }

    /**
     * Runs exactly these categories (still in {@link CheckCategory} order), without extensions.
     *
     * @param categories the categories
     * @return this builder
     * @throws IllegalArgumentException when none is given
     */
    public Builder categories(Collection<CheckCategory> categories) {
      if (categories.isEmpty()) {
        throw new IllegalArgumentException("no categories given");
      }
      this.categories = EnumSet.copyOf(categories);
      return this;
    }

    /**
     * Runs exactly these categories; see {@link #categories(Collection)}.
     *
     * @param categories the categories
     * @return this builder
     */
    public Builder categories(CheckCategory... categories) {
      return categories(List.of(categories));
    }

    /**
     * Runs only the checks with these descriptions (in their normal order); empty runs all.
     *
     * @param descriptions check descriptions, e.g. {@code control plane pods are ready}
     * @return this builder
     */
    public Builder onlyChecks(Collection<String> descriptions) {
      onlyChecks.clear();
      onlyChecks.addAll(descriptions);
      return this;
    }

    /**
     * The control-plane namespace ({@code -L}, default {@code linkerd}).
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder controlPlaneNamespace(String namespace) {
      this.controlPlaneNamespace = requireName(namespace, "control-plane namespace");
      return this;
    }

    /**
     * The data-plane namespace ({@code -n}); null or empty checks all namespaces (the default).
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder dataPlaneNamespace(String namespace) {
      this.dataPlaneNamespace = namespace == null || namespace.isEmpty() ? null : namespace;
      return this;
    }

    /**
     * The CNI namespace ({@code --cni-namespace}, default {@code linkerd-cni}).
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder cniNamespace(String namespace) {
      this.cniNamespace = requireName(namespace, "CNI namespace");
      return this;
    }

    /**
     * The viz namespace ({@code --viz-namespace}); by default the namespace labelled {@code
     * linkerd.io/extension=viz}.
     *
     * @param namespace the namespace; null or empty to find it by label
     * @return this builder
     */
    public Builder vizNamespace(String namespace) {
      this.vizNamespace = namespace == null || namespace.isEmpty() ? null : namespace;
      return this;
    }

    /**
     * The install values the pre-install checks judge ({@code -f}/{@code --set}), e.g. {@code
     * proxyInit.runAsRoot} and {@code cniEnabled}.
     *
     * @param values the planned values (user values; chart defaults apply beneath them)
     * @return this builder
     */
    public Builder plannedValues(HelmValues values) {
      this.plannedValues = Objects.requireNonNull(values, "values");
      return this;
    }

    /**
     * The planned install values; see {@link #plannedValues(HelmValues)}.
     *
     * @param values the planned values
     * @return this builder
     */
    public Builder plannedValues(LinkerdValues values) {
      return plannedValues(values.raw());
    }

    /**
     * Enables the CNI checks ({@code --linkerd-cni-enabled}); they also run when the planned values
     * or {@code linkerd-config} set {@code cniEnabled}.
     *
     * @param enabled whether CNI is enabled
     * @return this builder
     */
    public Builder cniEnabled(boolean enabled) {
      this.cniEnabled = enabled;
      return this;
    }

    /**
     * Where "now" comes from: certificate validity, clock skew, retry deadline.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long retryable checks are retried ({@code --wait}, default 5 minutes); zero reports the
     * first failure at once.
     *
     * @param deadline the time from the start of the run
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder retryDeadline(Duration deadline) {
      if (deadline.isNegative()) {
        throw new IllegalArgumentException("the retry deadline must not be negative: " + deadline);
      }
      this.retryDeadline = deadline;
      return this;
    }

    /**
     * How long one attempt of a check may take before it fails (default 30 seconds).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the attempt timeout must be positive: " + timeout);
      }
      this.attemptTimeout = timeout;
      return this;
    }

    /**
     * How the checker pauses between attempts (default {@link Thread#sleep}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Who hears each result as it ends.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(CheckListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * When a run counts as failed (default {@link FailurePolicy#errors()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder failurePolicy(FailurePolicy policy) {
      this.failurePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The Linkerd version the checker reports as its own ({@code --cli-version}); default the
     * version whose chart defaults Mesh SDK carries. It decides the hint URL base and the
     * version-match checks.
     *
     * @param version e.g. {@code edge-26.8.3}
     * @return this builder
     */
    public Builder cliVersion(String version) {
      this.cliVersion = requireName(version, "CLI version");
      return this;
    }

    /**
     * The CRDs "control plane CustomResourceDefinitions exist" requires (default {@link
     * ExpectedCrd#linkerd()}).
     *
     * @param crds the CRDs
     * @return this builder
     */
    public Builder expectedCrds(List<ExpectedCrd> crds) {
      this.expectedCrds = List.copyOf(crds);
      return this;
    }

    /**
     * Enables the latest-version lookup (default: none, offline).
     *
     * @param lookup the lookup
     * @return this builder
     */
    public Builder versionLookup(VersionLookup lookup) {
      this.versionLookup = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * How many checks may run at once (default 32); 1 runs them one after another.
     *
     * @param parallelism at least 1
     * @return this builder
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Builds the checker.
     *
     * @return the immutable checker
     */
    public HealthChecker build() {
      return new HealthChecker(this);
    }

    private static String requireName(String s, String what) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return s;
    }
  }
}
