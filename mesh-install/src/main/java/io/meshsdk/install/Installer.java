package io.meshsdk.install;

import io.meshsdk.checks.CheckCategory;
import io.meshsdk.checks.HealthChecker;
import io.meshsdk.checks.Preset;
import io.meshsdk.cluster.ApplyOptions;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterWriter;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.install.internal.Readiness;
import io.meshsdk.install.internal.TreeDiff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Puts rendered Linkerd installs on a cluster, as {@code linkerd install | kubectl apply
 * --server-side -f -} would, or shows what that would change.
 *
 * <pre>{@code
 * Installer installer = Installer.newBuilder()
 *     .waitTimeout(Duration.ofMinutes(5))
 *     .listener(e -> System.err.println(e))
 *     .build();
 * InstallPlan plan = installer.plan(cluster, crds, controlPlane);   // writes nothing
 * ApplyResult result = installer.apply(cluster, crds, controlPlane);
 * }</pre>
 *
 * <p><b>Order.</b> {@link #apply} first runs the pre-install checks ({@link Preset#PRE} of
 * mesh-checks, with {@code plannedValues} the values the control plane's {@code linkerd-config}
 * will hold, on the same cluster) and refuses with an {@link InstallException} carrying the
 * findings when they fail — the docker-runtime warning counts as a refusal, as {@code linkerd
 * install} refuses to print anything on {@code docker://} nodes unless {@code
 * proxyInit.runAsRoot=true} — unless {@link Builder#skipChecks}. Then it applies, with server-side
 * apply and field manager {@value #FIELD_MANAGER}: every CustomResourceDefinition, waiting until
 * each is {@code Established}; the Namespaces (as Linkerd's CLI renders them, see {@link
 * RenderedInstall#namespaceObject()}); every other object in Helm's install order, the custom
 * resources of the CRDs of the same run last; then it waits until the Deployments are ready ({@link
 * Builder#waitTimeout}). The installs are taken in the order given.
 *
 * <p><b>Idempotent.</b> Each object is first applied as a server dry run and compared with the live
 * object; an object that would not change is not written, so applying the same rendered install
 * twice writes nothing the second time and reports every object {@link Change#UNCHANGED}. (Each
 * render makes new webhook certificates — the chart generates them — and, without given identity
 * material, a new identity: apply the same {@link RenderedInstall} to apply nothing.)
 *
 * <p><b>Re-applying.</b> When the control plane's {@code linkerd-config} already exists, the two
 * pre-install checks that only say "Linkerd is already here" ({@code control plane namespace does
 * not already exist}, {@code can create non-namespaced resources}) do not refuse.
 *
 * <p><b>Secrets.</b> Secret data (the issuer key) is sent only in the Secret's apply: never in
 * events, plans, results or exceptions.
 *
 * <p>Immutable and thread-safe; an apply runs on the calling thread.
 */
public final class Installer {
  /** The field manager of every apply. */
  public static final String FIELD_MANAGER = "mesh";

  /** The description of the docker-runtime check, whose warning refuses an install. */
  public static final String DOCKER_RUNTIME_CHECK =
      "proxy-init container runs as root user if docker container runtime is used";

  private static final Set<String> REINSTALL_TOLERATED =
      Set.of(
          "control plane namespace does not already exist", "can create non-namespaced resources");
  private static final Set<String> GATEWAY_CRDS =
      Set.of("httproutes.gateway.networking.k8s.io", "grpcroutes.gateway.networking.k8s.io");

  /** Pauses between polls of a wait; tests inject one that advances a fake clock. */
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

  private final boolean skipChecks;
  private final boolean force;
  private final Duration waitTimeout;
  private final Duration crdTimeout;
  private final Duration pollInterval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final InstallListener listener;

  private Installer(Builder b) {
    this.skipChecks = b.skipChecks;
    this.force = b.force;
    this.waitTimeout = b.waitTimeout;
    this.crdTimeout = b.crdTimeout;
    this.pollInterval = b.pollInterval;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
  }

  /**
   * A builder with the defaults: checks on, no forced conflicts, a 5-minute wait for the control
   * plane, a 1-minute wait for each CRD, polls every second, the system clock, no listener.
   *
   * @return a builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * A builder holding this installer's settings.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.skipChecks = skipChecks;
    b.force = force;
    b.waitTimeout = waitTimeout;
    b.crdTimeout = crdTimeout;
    b.pollInterval = pollInterval;
    b.clock = clock;
    b.sleeper = sleeper;
    b.listener = listener;
    return b;
  }

  /**
   * Applies the installs (see the class description).
   *
   * @param cluster the cluster
   * @param installs the installs, e.g. the CRDs, then the control plane
   * @return what was done to each object
   * @throws InstallException when the pre-install checks refuse ({@link
   *     InstallException#checkReport()} holds the report, {@link InstallException#findings()} the
   *     results that refused; nothing was written), when the server refuses an object, or when a
   *     wait times out
   */
  public ApplyResult apply(ClusterWriter cluster, RenderedInstall... installs) {
    return apply(cluster, List.of(installs));
  }

  /**
   * Applies the installs in the order given (see the class description).
   *
   * @param cluster the cluster
   * @param installs the installs
   * @return what was done to each object
   * @throws InstallException when the pre-install checks refuse, the server refuses an object, or a
   *     wait times out
   */
  public ApplyResult apply(ClusterWriter cluster, List<RenderedInstall> installs) {
    return run(cluster, installs, false).result;
  }

  /**
   * What {@link #apply} would do, computed with server dry runs, writing nothing. The pre-install
   * checks run first, as for {@link #apply}, and refuse the same way.
   *
   * @param cluster the cluster
   * @param installs the installs
   * @return per object: created, changed (with the fields that differ) or unchanged
   * @throws InstallException when the pre-install checks refuse or the server refuses a dry run
   */
  public InstallPlan plan(ClusterWriter cluster, RenderedInstall... installs) {
    return plan(cluster, List.of(installs));
  }

  /**
   * What {@link #apply} would do, in the order given, writing nothing.
   *
   * @param cluster the cluster
   * @param installs the installs
   * @return per object: created, changed (with the fields that differ) or unchanged
   * @throws InstallException when the pre-install checks refuse or the server refuses a dry run
   */
  public InstallPlan plan(ClusterWriter cluster, List<RenderedInstall> installs) {
    Run run = run(cluster, installs, true);
    return new InstallPlan(run.result.objects(), run.result.preChecks());
  }

  private record Run(ApplyResult result) {}

  private Run run(ClusterWriter cluster, List<RenderedInstall> installs, boolean dryRun) {
    Objects.requireNonNull(cluster, "cluster");
    if (installs.isEmpty()) {
      throw new IllegalArgumentException("nothing to install");
    }
    installs.forEach(i -> Objects.requireNonNull(i, "install"));
    Instant start = clock.instant();
    Order order = Order.of(installs);

    Optional<CheckReport> report = Optional.empty();
    if (!skipChecks) {
      report = gate(cluster, installs, order);
    }

    List<ObjectChange> changes = new ArrayList<>();
    step(
        "crds",
        () -> {
          for (Manifest m : order.crds) {
            changes.add(applyOne(cluster, m, dryRun, "crds"));
          }
          if (!dryRun && !order.crds.isEmpty()) {
            waitFor(
                cluster,
                "crds",
                order.crds.stream().map(ObjectRef::of).toList(),
                crdTimeout,
                "Established");
          }
        });
    step(
        "namespaces",
        () -> {
          for (Manifest m : order.namespaces) {
            changes.add(applyOne(cluster, m, dryRun, "namespaces"));
          }
        });
    step(
        "resources",
        () -> {
          for (Manifest m : order.resources) {
            changes.add(applyOne(cluster, m, dryRun, "resources"));
          }
        });
    if (!dryRun && !waitTimeout.isZero() && !order.deployments.isEmpty()) {
      step("wait", () -> waitFor(cluster, "wait", order.deployments, waitTimeout, "ready"));
    }
    Duration total = Duration.between(start, clock.instant());
    ApplyResult result = new ApplyResult(changes, report, total);
    emit(
        InstallEvent.Type.DONE,
        "done",
        Optional.empty(),
        (dryRun ? new InstallPlan(changes, report).summary() : result.summary()),
        total);
    return new Run(result);
  }

  // ---------------------------------------------------------------- the pre-install checks

  private Optional<CheckReport> gate(
      ClusterWriter cluster, List<RenderedInstall> installs, Order order) {
    Optional<RenderedInstall> cp =
        installs.stream()
            .filter(i -> i.component() == LinkerdInstall.Component.CONTROL_PLANE)
            .findFirst();
    if (cp.isEmpty()) {
      return Optional.empty(); // the pre-install checks judge a control-plane install
    }
    Instant started = clock.instant();
    emit(
        InstallEvent.Type.STEP_STARTED,
        "pre-checks",
        Optional.empty(),
        "running the pre-install checks",
        Duration.ZERO);
    HelmValues planned = cp.get().linkerdConfigValues().orElse(HelmValues.empty());
    HealthChecker.Builder b =
        HealthChecker.builder()
            .preset(Preset.PRE)
            .controlPlaneNamespace(cp.get().namespace())
            .plannedValues(planned)
            .clock(clock)
            .retryDeadline(Duration.ZERO)
            .sleeper(sleeper::sleep);
    if (order.crdNames.containsAll(GATEWAY_CRDS)) {
      // the run installs the Gateway API CRDs itself: their check would judge the cluster before
      Set<CheckCategory> categories = EnumSet.copyOf(Preset.PRE.categories());
      categories.remove(CheckCategory.GATEWAY_API_CRD);
      if (planned.getBoolean("cniEnabled").orElse(false)) {
        categories.add(CheckCategory.LINKERD_CNI_PLUGIN);
      }
      b.categories(categories);
    }
    CheckReport report = b.build().run(cluster);
    boolean reinstall =
        cluster
            .get(
                io.meshsdk.cluster.ResourceKind.CONFIG_MAPS,
                cp.get().namespace(),
                io.meshsdk.core.identity.LinkerdIdentityConfig.CONFIG_MAP)
            .isPresent();
    List<CheckResult> refusing = new ArrayList<>();
    for (CheckResult r : report.results()) {
      boolean refuses =
          r.outcome() == Outcome.ERROR
              || (r.outcome() == Outcome.WARNING && DOCKER_RUNTIME_CHECK.equals(r.description()));
      if (refuses && !(reinstall && REINSTALL_TOLERATED.contains(r.description()))) {
        refusing.add(r);
      }
    }
    if (!refusing.isEmpty()) {
      StringBuilder sb = new StringBuilder("the pre-install checks refuse the install:");
      for (CheckResult r : refusing) {
        sb.append("\n  × ").append(r.description());
        r.message().ifPresent(m -> sb.append("\n      ").append(m.replace("\n", "\n      ")));
      }
      throw new InstallException(sb.toString(), report, refusing);
    }
    emit(
        InstallEvent.Type.STEP_DONE,
        "pre-checks",
        Optional.empty(),
        "pre-install checks passed",
        Duration.between(started, clock.instant()));
    return Optional.of(report);
  }

  // ---------------------------------------------------------------- applying

  private ObjectChange applyOne(ClusterWriter cluster, Manifest m, boolean dryRun, String step) {
    ObjectRef ref = ObjectRef.of(m);
    Optional<Map<String, Object>> live = read(cluster, m, ref);
    ApplyOptions options =
        ApplyOptions.newBuilder().fieldManager(FIELD_MANAGER).force(force).build();
    ObjectChange change;
    if (live.isEmpty()) {
      change = new ObjectChange(ref, Change.CREATED, List.of());
    } else {
      Map<String, Object> planned = send(cluster, m, ref, options.toBuilder().dryRun(true).build());
      List<FieldChange> fields = TreeDiff.diff(live.get(), planned);
      change = new ObjectChange(ref, fields.isEmpty() ? Change.UNCHANGED : Change.CHANGED, fields);
    }
    if (!dryRun && change.change() != Change.UNCHANGED) {
      send(cluster, m, ref, options);
    }
    emit(
        InstallEvent.Type.OBJECT,
        step,
        Optional.of(ref),
        Optional.of(change.change()),
        (dryRun && change.change() != Change.UNCHANGED ? "would be " : "")
            + change.change().word()
            + " "
            + ref,
        Duration.ZERO);
    return change;
  }

  private Optional<Map<String, Object>> read(ClusterWriter cluster, Manifest m, ObjectRef ref) {
    try {
      return cluster.getObject(m);
    } catch (ClusterAccessException e) {
      if (e.failure() == ClusterAccessException.Failure.NOT_FOUND) {
        return Optional.empty(); // the kind is not served yet: its CRD is in this run
      }
      throw failure("reading", ref, e);
    }
  }

  private Map<String, Object> send(
      ClusterWriter cluster, Manifest m, ObjectRef ref, ApplyOptions options) {
    try {
      return cluster.apply(m, options);
    } catch (ClusterAccessException e) {
      throw failure(options.dryRun() ? "dry-run applying" : "applying", ref, e);
    }
  }

  /** The server's answer about a Secret may quote its data: only the status goes into the text. */
  private static InstallException failure(String what, ObjectRef ref, ClusterAccessException e) {
    if (ref.kind().equals("Secret")) {
      return new InstallException(
          what
              + " "
              + ref
              + " failed: "
              + e.failure()
              + e.status().stream().mapToObj(s -> " (HTTP " + s + ")").findFirst().orElse("")
              + e.reason().map(r -> " " + r).orElse(""));
    }
    return new InstallException(what + " " + ref + " failed: " + e.getMessage(), e);
  }

  // ---------------------------------------------------------------- waiting

  private void waitFor(
      ClusterWriter cluster, String step, List<ObjectRef> refs, Duration timeout, String goal) {
    Instant deadline = clock.instant().plus(timeout);
    Map<ObjectRef, String> pending = new LinkedHashMap<>();
    refs.forEach(r -> pending.put(r, ""));
    while (true) {
      for (ObjectRef ref : List.copyOf(pending.keySet())) {
        Readiness.State state;
        try {
          state = Readiness.of(cluster, ref);
        } catch (ClusterAccessException e) {
          throw failure("reading", ref, e);
        }
        if (state.ready()) {
          pending.remove(ref);
          emit(InstallEvent.Type.READY, step, Optional.of(ref), ref + " is " + goal, Duration.ZERO);
        } else if (state.failed()) {
          throw new InstallException(ref + " " + state.reason());
        } else if (!state.reason().equals(pending.get(ref))) {
          pending.put(ref, state.reason());
          emit(
              InstallEvent.Type.WAITING,
              step,
              Optional.of(ref),
              "waiting for " + ref + " to be " + goal + " (" + state.reason() + ")",
              Duration.ZERO);
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (!clock.instant().isBefore(deadline)) {
        StringBuilder sb =
            new StringBuilder("timed out after ").append(text(timeout)).append(" waiting for ");
        boolean first = true;
        for (Map.Entry<ObjectRef, String> e : pending.entrySet()) {
          sb.append(first ? "" : "; ").append(e.getKey()).append(" to be ").append(goal);
          sb.append(" (").append(e.getValue()).append(')');
          first = false;
        }
        throw new InstallException(sb.toString());
      }
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InstallException("interrupted while waiting for " + pending.keySet(), e);
      }
    }
  }

  private void step(String step, Runnable body) {
    Instant started = clock.instant();
    emit(InstallEvent.Type.STEP_STARTED, step, Optional.empty(), step, Duration.ZERO);
    body.run();
    Duration took = Duration.between(started, clock.instant());
    emit(
        InstallEvent.Type.STEP_DONE,
        step,
        Optional.empty(),
        step + " done in " + took.toMillis() + " ms",
        took);
  }

  private void emit(
      InstallEvent.Type type, String step, Optional<ObjectRef> ref, String message, Duration d) {
    emit(type, step, ref, Optional.empty(), message, d);
  }

  private void emit(
      InstallEvent.Type type,
      String step,
      Optional<ObjectRef> ref,
      Optional<Change> change,
      String message,
      Duration d) {
    listener.onEvent(new InstallEvent(type, step, ref, change, message, d));
  }

  /** Returns the settings, e.g. {@code Installer[checks, wait 5m]}. */
  @Override
  public String toString() {
    return "Installer["
        + (skipChecks ? "no checks" : "checks")
        + (force ? ", force conflicts" : "")
        + ", wait "
        + text(waitTimeout)
        + "]";
  }

  /** A duration as people write it: {@code 5m}, {@code 90s}, {@code 1500ms}. */
  private static String text(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long s = d.getSeconds();
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  // ---------------------------------------------------------------- the apply order

  /** The objects of a run in apply order. */
  private static final class Order {
    final List<Manifest> crds = new ArrayList<>();
    final Set<String> crdNames = new LinkedHashSet<>();
    final List<Manifest> namespaces = new ArrayList<>();
    final List<Manifest> resources = new ArrayList<>();
    final List<ObjectRef> deployments = new ArrayList<>();

    static Order of(List<RenderedInstall> installs) {
      Order o = new Order();
      Set<String> customKinds = new LinkedHashSet<>(); // group/kind of the CRDs of this run
      Map<String, Manifest> namespaces = new LinkedHashMap<>();
      List<Manifest> rest = new ArrayList<>();
      for (RenderedInstall install : installs) {
        install.namespaceObject().ifPresent(n -> namespaces.putIfAbsent(n.name().orElseThrow(), n));
        for (Manifest m : install.manifests()) {
          if (m.isEmpty() || m.kind().isEmpty()) {
            continue;
          }
          String kind = m.kind().get();
          if (kind.equals("CustomResourceDefinition")) {
            o.crds.add(m);
            o.crdNames.add(m.name().orElse(""));
            customKinds.add(customKind(m));
          } else if (kind.equals("Namespace")) {
            namespaces.put(m.name().orElseThrow(), m); // the chart's own wins
          } else {
            rest.add(m);
          }
        }
      }
      o.namespaces.addAll(namespaces.values());
      List<Manifest> custom = new ArrayList<>();
      for (Manifest m : rest) {
        String group =
            m.apiVersion().orElse("").contains("/")
                ? m.apiVersion().get().substring(0, m.apiVersion().get().indexOf('/'))
                : "";
        (customKinds.contains(group + "/" + m.kind().get()) ? custom : o.resources).add(m);
        if (m.kind().get().equals("Deployment")) {
          o.deployments.add(ObjectRef.of(m));
        }
      }
      o.resources.addAll(custom);
      return o;
    }

    private static String customKind(Manifest crd) {
      Object spec = crd.object().orElseThrow().get("spec");
      if (spec instanceof Map<?, ?> s && s.get("names") instanceof Map<?, ?> names) {
        return s.get("group") + "/" + names.get("kind");
      }
      return "";
    }
  }

  /** Builds an {@link Installer}. Not thread-safe. */
  public static final class Builder {
    private boolean skipChecks;
    private boolean force;
    private Duration waitTimeout = Duration.ofMinutes(5);
    private Duration crdTimeout = Duration.ofMinutes(1);
    private Duration pollInterval = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private InstallListener listener = e -> {};

    private Builder() {}

    /**
     * Whether to skip the pre-install checks.
     *
     * @param skip true to apply without them
     * @return this builder
     */
    public Builder skipChecks(boolean skip) {
      this.skipChecks = skip;
      return this;
    }

    /**
     * Whether to take over fields another field manager owns ({@code kubectl apply --server-side
     * --force-conflicts}); default false: a conflict is an error naming the object.
     *
     * @param force true to force conflicts
     * @return this builder
     */
    public Builder forceConflicts(boolean force) {
      this.force = force;
      return this;
    }

    /**
     * How long to wait for the Deployments to be ready after applying; zero does not wait.
     *
     * @param timeout the timeout; default 5 minutes
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder waitTimeout(Duration timeout) {
      this.waitTimeout = nonNegative(timeout, "waitTimeout");
      return this;
    }

    /**
     * How long to wait for the CustomResourceDefinitions to be {@code Established} (they must be
     * before anything else is applied).
     *
     * @param timeout the timeout; default 1 minute
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder crdTimeout(Duration timeout) {
      this.crdTimeout = nonNegative(timeout, "crdTimeout");
      return this;
    }

    /**
     * How often a wait reads the objects it waits for.
     *
     * @param interval the interval; default 1 second
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder pollInterval(Duration interval) {
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("pollInterval must be positive");
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * Sets the clock of the waits, the durations and the pre-install checks.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how waits pause between polls.
     *
     * @param sleeper the sleeper; default {@link Thread#sleep}
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the listener of progress events.
     *
     * @param listener the listener; default none
     * @return this builder
     */
    public Builder listener(InstallListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the installer.
     *
     * @return the installer
     */
    public Installer build() {
      return new Installer(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
