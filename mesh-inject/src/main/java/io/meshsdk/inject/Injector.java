package io.meshsdk.inject;

import io.meshsdk.core.ConfigurationException;
import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.internal.go.GoDuration;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.linkerd.LinkerdValues;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestLocation;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.KeySchema;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.UnknownKey;
import io.meshsdk.core.values.ValuesException;
import io.meshsdk.inject.internal.DocResult;
import io.meshsdk.inject.internal.InjectEngine;
import io.meshsdk.inject.internal.LinkerdFlags;
import io.meshsdk.inject.internal.ProxyValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Injects Linkerd into Kubernetes documents exactly as {@code linkerd inject} does, but keeping
 * every field, key order and value of the input.
 *
 * <p>Built once from the installed mesh's Helm values (Linkerd's chart defaults with the install's
 * layers coalesced on top, what the cluster's {@code linkerd-config} holds), injection-time
 * overrides on the same value paths, a {@link InjectMode mode} and options. Each document is first
 * stripped of any earlier Linkerd injection, so re-injection is idempotent.
 *
 * <pre>{@code
 * HelmValues installed = LinkerdChart.CONTROL_PLANE.valuesBuilder()
 *     .setFile("identityTrustAnchorsPEM=ca.crt")
 *     .build()
 *     .values();
 * Injector injector = Injector.builder()
 *     .installedValues(installed)
 *     .override("proxy.ports.admin=1234")    // becomes config.linkerd.io/admin-port: "1234"
 *     .mode(InjectMode.PROXY)
 *     .build();
 * ManifestResult r = injector.inject(Manifest.of(document)); // document: a Map, say
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #inject(Manifest)} treats every call as a new Linkerd run;
 * {@link #newSession()} reproduces one {@code linkerd inject} invocation over several documents.
 */
public final class Injector {
  private final InjectEngine engine;
  private final InjectMode mode;
  private final Builder settings;
  private final List<UnknownKey> unknownKeys;

  private Injector(Builder b) {
    ProxyValues installed;
    ProxyValues overridden;
    try {
      installed = ProxyValues.from(LinkerdValues.of(b.values));
      HelmValues v = b.values;
      for (UnaryOperator<HelmValues> o : b.overrides) {
        v = o.apply(v);
      }
      overridden = ProxyValues.from(LinkerdValues.of(v));
    } catch (ValuesException e) {
      throw Builder.invalidValues("invalid mesh values: " + e.getMessage());
    }
    List<UnknownKey> unknown = new ArrayList<>();
    KeySchema schema = LinkerdChart.CONTROL_PLANE.keySchema();
    for (HelmValues layer : b.overrideLayers) {
      for (UnknownKey u : schema.unknownKeys(layer)) {
        if (!unknown.contains(u)) {
          unknown.add(u);
        }
      }
    }
    if (b.strictKeys && !unknown.isEmpty()) {
      StringBuilder message = new StringBuilder("override keys Linkerd does not know (strict): ");
      for (int i = 0; i < unknown.size(); i++) {
        message.append(i == 0 ? "" : "; ").append(unknown.get(i).describe());
      }
      throw new ConfigurationException(message.toString(), unknown.get(0).path());
    }
    this.unknownKeys = List.copyOf(unknown);
    if (b.mode == InjectMode.PROXY) {
      List<ProxyValues.Missing> missing = overridden.missingForProxy(b.debugSidecar);
      if (!missing.isEmpty()) {
        ProxyValues.Missing first = missing.get(0);
        StringBuilder message = new StringBuilder(first.message());
        for (ProxyValues.Missing m : missing.subList(1, missing.size())) {
          message.append("; ").append(m.message());
        }
        throw new ConfigurationException(message.toString(), first.path());
      }
    }
    InjectEngine.Options o = new InjectEngine.Options();
    o.manual = b.mode == InjectMode.PROXY;
    o.debugSidecar = b.debugSidecar;
    o.createdBy = b.createdBy;
    o.closeWaitTimeout = b.closeWaitTimeout == null ? null : b.closeWaitTimeout.toNanos();
    o.namespace = b.namespace;
    this.engine = new InjectEngine(installed, overridden, o);
    this.mode = b.mode;
    this.settings = new Builder(b);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this injector's settings (values, overrides, mode, options), to derive a
   * variant: {@code injector.toBuilder().mode(InjectMode.PROXY).build()}. This injector does not
   * change.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(settings);
  }

  /**
   * The mode.
   *
   * @return annotate or proxy
   */
  public InjectMode mode() {
    return mode;
  }

  /**
   * The keys of the overrides ({@link Builder#override(String)}, {@link Builder#override(String,
   * Object)}) that Linkerd's chart does not know, each with the closest known key: Helm and Linkerd
   * accept them and they do nothing, so show them to the user ({@code mesh inject} prints them as
   * warnings), or build with {@link Builder#strictKeys()}. Keys below Linkerd's free-form maps
   * ({@code proxy.inbound.*}, {@code proxy.outbound.*}, …) are never reported.
   *
   * @return the findings in override order, empty when every key is known
   */
  public List<UnknownKey> unknownKeys() {
    return unknownKeys;
  }

  /**
   * The annotations the overrides produce (Linkerd's {@code getOverrideAnnotations}): one per
   * overridable value that differs from the installed one.
   *
   * @return the annotations, sorted by key
   */
  public Map<String, String> overrideAnnotations() {
    return engine.overrideAnnotations();
  }

  /**
   * Injects one manifest document, as a run of its own.
   *
   * @param manifest the document
   * @return the output document (the same instance when unchanged) and the reports
   * @throws InjectionException when Linkerd would refuse the document, or it is malformed (the
   *     message then names the source and document)
   */
  public ManifestResult inject(Manifest manifest) {
    return newSession().inject(manifest);
  }

  /**
   * Injects a whole input (e.g. the documents of one file) as one {@code linkerd inject} run, all
   * or nothing: either every document is transformed and the result carries them with the input's
   * report, or the first refused or malformed document throws and nothing is returned — Linkerd's
   * rule that a refused resource suppresses its whole input. For inputs too large for memory, use a
   * {@link #newSession()} over a {@code ManifestStream} and hold the output yourself. Each call is
   * a run of its own; to treat several inputs as one {@code linkerd inject} invocation (e.g. the
   * files of a folder), use {@link Session#injectAll(List)} on one session.
   *
   * @param documents the input's documents, in order
   * @return the output documents and the input's report
   * @throws InjectionException for the first document Linkerd would refuse, or a malformed one (the
   *     message then names the source and document)
   */
  public InjectionResult injectAll(List<Manifest> documents) {
    return newSession().injectAll(documents);
  }

  /**
   * A session: one {@code linkerd inject} invocation over a stream of documents. It reproduces
   * Linkerd's per-run quirk that in manual mode the {@code linkerd.io/inject: ingress} override is
   * written only on the first injected workload. Not thread-safe.
   *
   * @return a new session
   */
  public Session newSession() {
    return new Session(engine, engine.newRun());
  }

  /** Adds the document's location to our own input errors; Linkerd's messages stay exact. */
  static InjectionException located(InjectionException e, Manifest m) {
    if (e.category() != InjectionException.Category.INVALID_INPUT
        || m.location().equals(ManifestLocation.GENERATED)) {
      return e;
    }
    InjectionException x =
        new InjectionException(
            m.location() + ": " + e.getMessage(),
            e.category(),
            e.kind(),
            e.resourceName(),
            e.reasons());
    x.setStackTrace(e.getStackTrace());
    return x;
  }

  /** One run over many documents; see {@link Injector#newSession()}. Not thread-safe. */
  public static final class Session {
    private final InjectEngine engine;
    private final InjectEngine.Run run;

    private Session(InjectEngine engine, InjectEngine.Run run) {
      this.engine = engine;
      this.run = run;
    }

    /**
     * Injects a whole input as the next part of this run, all or nothing; see {@link
     * Injector#injectAll(List)}.
     *
     * @param documents the input's documents, in order
     * @return the output documents and the input's report
     * @throws InjectionException for the first document Linkerd would refuse, or a malformed one
     */
    public InjectionResult injectAll(List<Manifest> documents) {
      List<ManifestResult> out = new ArrayList<>(documents.size());
      for (Manifest m : documents) {
        out.add(inject(m));
      }
      return InjectionResult.of(InjectionReport.Operation.INJECT, out);
    }

    /**
     * Injects the next manifest document of the run. A document that is nothing but a {@code ---}
     * line (e.g. after the last document of a file) is returned without a report, as Linkerd never
     * sees it.
     *
     * @param manifest the document
     * @return the output document (the same instance when unchanged) and the reports
     * @throws InjectionException when Linkerd would refuse the document, or it is malformed (the
     *     message then names the source and document)
     */
    public ManifestResult inject(Manifest manifest) {
      if (Reports.invisible(manifest)) {
        return new ManifestResult(manifest, List.of());
      }
      DocResult r;
      try {
        r = engine.inject(manifest.root(), run);
      } catch (InjectionException e) {
        throw located(e, manifest);
      }
      Manifest out = r.changed ? manifest.withRoot(r.root) : manifest;
      return new ManifestResult(out, Reports.injected(r.reports, manifest.location()));
    }
  }

  /** Builds an {@link Injector}. Not thread-safe. */
  public static final class Builder {
    private HelmValues values = LinkerdChart.CONTROL_PLANE.defaults();
    private final List<UnaryOperator<HelmValues>> overrides = new ArrayList<>();
    private final List<HelmValues> overrideLayers = new ArrayList<>();
    private boolean strictKeys;
    private InjectMode mode = InjectMode.ANNOTATE;
    private boolean debugSidecar;
    private String createdBy = "mesh/" + MeshSdk.version();
    private Duration closeWaitTimeout;
    private String namespace = LinkerdNames.NAMESPACE;

    private Builder() {}

    /** A copy of another builder's settings. */
    private Builder(Builder b) {
      this.values = b.values;
      this.overrides.addAll(b.overrides);
      this.overrideLayers.addAll(b.overrideLayers);
      this.strictKeys = b.strictKeys;
      this.mode = b.mode;
      this.debugSidecar = b.debugSidecar;
      this.createdBy = b.createdBy;
      this.closeWaitTimeout = b.closeWaitTimeout;
      this.namespace = b.namespace;
    }

    /**
     * The installed mesh's values, what the cluster's {@code linkerd-config} holds: Linkerd's chart
     * defaults with the install's layers coalesced on top, e.g. the result of {@link
     * LinkerdChart#valuesBuilder()}. The default is {@link LinkerdChart#defaults()}.
     *
     * <p>Replaces the installed values given before (unlike {@code ValuesBuilder.values}, which
     * adds a layer); overrides go through {@link #override(String)}.
     *
     * @param values the complete values
     * @return this builder
     */
    public Builder installedValues(HelmValues values) {
      this.values = Objects.requireNonNull(values, "values");
      return this;
    }

    /**
     * The installed mesh's values, as {@link #installedValues(HelmValues)}.
     *
     * @param values the complete values
     * @return this builder
     */
    public Builder installedValues(LinkerdValues values) {
      return installedValues(Objects.requireNonNull(values, "values").raw());
    }

    /**
     * Overrides values at injection time with one Helm {@code --set} argument on the installed
     * values, e.g. {@code proxy.ports.admin=1234} or {@code proxy.opaquePorts=3000\,5000} (Helm's
     * typing and escapes; {@code a=1,b=2} sets two values). As Linkerd's {@code
     * getOverrideAnnotations}: every overridable value that then differs from the installed one
     * becomes its {@code config.linkerd.io/*} annotation on the pod template, {@code
     * proxy.isIngress=true} becomes {@code linkerd.io/inject: ingress}; values without an
     * annotation (e.g. {@code cniEnabled}) only change what manual mode generates. Overrides apply
     * in the order given.
     *
     * @param setArgument one Helm {@code --set} argument
     * @return this builder
     * @throws ConfigurationException naming the argument when Helm would refuse its syntax
     */
    public Builder override(String setArgument) {
      Objects.requireNonNull(setArgument, "setArgument");
      try {
        overrideLayers.add(SetFlag.SET.parse(setArgument)); // the syntax, now; keys at build()
      } catch (ValuesException e) {
        throw invalidOverride(setArgument, e);
      }
      overrides.add(
          v -> {
            try {
              return SetFlag.SET.parseInto(v, setArgument);
            } catch (ValuesException e) {
              throw invalidOverride(setArgument, e);
            }
          });
      return this;
    }

    /**
     * Overrides one value at injection time, e.g. {@code ("proxy.ports.admin", 1234)}; see {@link
     * #override(String)}.
     *
     * @param path a {@link HelmValues} path ({@code \.} escapes a dot in a key)
     * @param value the value (string, number, boolean, map, list or null)
     * @return this builder
     * @throws ConfigurationException when the path is malformed or the value is not a values tree
     */
    public Builder override(String path, Object value) {
      Objects.requireNonNull(path, "path");
      HelmValues probe;
      try {
        probe = HelmValues.empty().with(path, value); // checks and copies the value
      } catch (ValuesException e) {
        throw invalidValues("invalid override " + path + ": " + e.getMessage());
      }
      Object copy = probe.get(path).orElse(null);
      overrideLayers.add(probe);
      overrides.add(v -> v.with(path, copy));
      return this;
    }

    /**
     * Applies one of Linkerd's {@code inject} proxy flags with that flag's semantics, as an
     * override: e.g. {@code ("proxy-cpu-limit", "1500m")} also sets the proxy's maximum worker
     * count, {@code ("registry", "my.registry/linkerd")} rewrites the proxy and debug images,
     * {@code ("image-pull-policy", "Always")} sets every pull policy. Known flags: {@link
     * #linkerdFlags()}.
     *
     * @param name the flag without dashes, e.g. {@code admin-port}
     * @param value the flag's value as text ({@code true}/{@code false} for boolean flags)
     * @return this builder
     * @throws ConfigurationException naming the flag when it is unknown or the value invalid
     */
    public Builder linkerdFlag(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      try {
        LinkerdFlags.apply(HelmValues.empty(), name, value); // validates now
      } catch (IllegalArgumentException e) {
        throw invalidValues(e.getMessage());
      }
      overrides.add(v -> LinkerdFlags.apply(v, name, value));
      return this;
    }

    /**
     * The names of the Linkerd flags {@link #linkerdFlag(String, String)} accepts.
     *
     * @return the names without dashes, sorted
     */
    public static Set<String> linkerdFlags() {
      return LinkerdFlags.names();
    }

    /**
     * Whether one of {@link #linkerdFlags()} takes a boolean, such as {@code ingress}.
     *
     * @param name the flag without dashes
     * @return true for a boolean flag
     */
    public static boolean isBooleanLinkerdFlag(String name) {
      return LinkerdFlags.isBoolean(name);
    }

    /**
     * Strict keys: {@link #build()} fails when an override sets a key Linkerd's chart does not know
     * (see {@link Injector#unknownKeys()}), e.g. {@code proxy.port.admin=1}, instead of only
     * reporting it.
     *
     * @return this builder
     */
    public Builder strictKeys() {
      this.strictKeys = true;
      return this;
    }

    /**
     * The mode; the default is {@link InjectMode#ANNOTATE}.
     *
     * @param mode annotate or proxy
     * @return this builder
     */
    public Builder mode(InjectMode mode) {
      this.mode = Objects.requireNonNull(mode);
      return this;
    }

    /**
     * Linkerd's {@code --enable-debug-sidecar}.
     *
     * @param debugSidecar whether to add {@code config.linkerd.io/enable-debug-sidecar: "true"}
     * @return this builder
     */
    public Builder debugSidecar(boolean debugSidecar) {
      this.debugSidecar = debugSidecar;
      return this;
    }

    /**
     * Linkerd's {@code --ingress}: the same as {@code override("proxy.isIngress", true)}.
     *
     * @param ingress whether the proxies run in ingress mode
     * @return this builder
     */
    public Builder ingress(boolean ingress) {
      return override("proxy.isIngress", ingress);
    }

    /**
     * The {@code linkerd.io/created-by} annotation of manual injection; the default is {@code
     * mesh/<sdk version>}.
     *
     * @param createdBy the text
     * @return this builder
     */
    public Builder createdBy(String createdBy) {
      this.createdBy = Objects.requireNonNull(createdBy);
      return this;
    }

    /**
     * Linkerd's {@code --close-wait-timeout}: adds {@code config.linkerd.io/close-wait-timeout}
     * (Go's duration text, e.g. {@code 1m0s}).
     *
     * @param timeout the timeout, or null for none
     * @return this builder
     */
    public Builder closeWaitTimeout(Duration timeout) {
      this.closeWaitTimeout = timeout;
      return this;
    }

    /**
     * Linkerd's {@code --close-wait-timeout} as its flag takes it: a Go duration such as {@code
     * 90s}, {@code 1m30s} or {@code 1.5m}.
     *
     * @param goDuration the duration text
     * @return this builder
     * @throws ConfigurationException with Go's wording when the text is not a Go duration
     */
    public Builder closeWaitTimeout(String goDuration) {
      try {
        return closeWaitTimeout(Duration.ofNanos(GoDuration.parse(goDuration)));
      } catch (IllegalArgumentException e) {
        throw invalidValues(
            "invalid argument "
                + GoText.quote(goDuration)
                + " for \"--close-wait-timeout\" flag: "
                + e.getMessage());
      }
    }

    /**
     * The control-plane namespace; the default is {@code linkerd}.
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder controlPlaneNamespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace);
      return this;
    }

    /**
     * Builds the injector.
     *
     * @return the injector
     * @throws ConfigurationException when a value has the wrong type, an override does not fit the
     *     values, an override key is unknown with {@link #strictKeys()}, or (in {@link
     *     InjectMode#PROXY}) a value the proxy needs is missing or empty: {@code
     *     identityTrustAnchorsPEM} ("Please provide the identity trust anchors"), the proxy image
     *     name or version, the debug image with {@link #debugSidecar(boolean)}; the message names
     *     the values path and how to set it, {@link ConfigurationException#valuesPath()} the first
     *     one
     */
    public Injector build() {
      return new Injector(this);
    }

    static ConfigurationException invalidValues(String message) {
      return new ConfigurationException(message);
    }

    private static ConfigurationException invalidOverride(String argument, ValuesException e) {
      String at = e.position() > 0 ? " at character " + e.position() : "";
      return invalidValues(
          "invalid --override " + GoText.quote(argument) + at + ": " + e.problem());
    }
  }
}
