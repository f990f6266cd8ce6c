package io.meshsdk.install;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.identity.LinkerdIdentityConfig;
import io.meshsdk.core.identity.Pem;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Linkerd install rendered from Linkerd's real charts: the CRDs ({@code linkerd install --crds}),
 * the control plane ({@code linkerd install}, optionally {@code --ha}) or the viz extension ({@code
 * linkerd viz install}).
 *
 * <pre>{@code
 * RenderedInstall cp = LinkerdInstall.controlPlane(ChartSource.folder(chartDir))
 *     .ha(true)
 *     .set("proxyInit.runAsRoot=true")
 *     .build()
 *     .render();
 * }</pre>
 *
 * <p><b>Values.</b> Layered as Helm layers them: the chart's own defaults (coalesced by Helm), then
 * with {@link Builder#ha} the chart's own {@code values-ha.yaml}, then the {@code -f} layers
 * ({@link Builder#valuesFile}, {@link Builder#values}) in order, then the {@code --set} family (see
 * {@link ValuesBuilder}); the identity and Prometheus options of the builder apply last.
 *
 * <p><b>Identity</b> (control plane). As {@code linkerd install}: when the values hold no identity
 * material a fresh trust anchor and issuer are generated with {@link CertificateAuthority} (for
 * {@code identityTrustDomain}); or the caller gives them ({@link Builder#identity}, {@link
 * Builder#identityFiles}, or the values {@code identityTrustAnchorsPEM} and {@code
 * identity.issuer.tls.crtPEM}/{@code keyPEM}); or the issuer is external ({@link
 * Builder#externalIdentity}: {@code identity.externalCA} and {@code identity.issuer.scheme:
 * kubernetes.io/tls}, the issuer Secret made by e.g. cert-manager). Material that is given is
 * checked with Linkerd's identity rules ({@link IdentityValidator}) before anything renders; an
 * error is an {@link InstallException} naming the failed check. The issuer key appears only in the
 * rendered Secret: never in exceptions, warnings or {@code toString}.
 *
 * <p>Immutable once built; {@link #render()} may be called many times (each generated identity is
 * fresh).
 */
public final class LinkerdInstall {
  /** The Kubernetes version rendered for when none is given (the charts need at least 1.31). */
  public static final String DEFAULT_KUBE_VERSION = "1.31.0";

  private static final String ANCHORS = "identityTrustAnchorsPEM";
  private static final String CRT = "identity.issuer.tls.crtPEM";
  private static final String KEY = "identity.issuer.tls.keyPEM";

  /** What is installed; each is one Linkerd chart. */
  public enum Component {
    /** The {@code linkerd-crds} chart. */
    CRDS("linkerd-crds", "linkerd-crds", "linkerd"),
    /** The {@code linkerd-control-plane} chart. */
    CONTROL_PLANE("linkerd-control-plane", "linkerd-control-plane", "linkerd"),
    /** The {@code linkerd-viz} chart. */
    VIZ("linkerd-viz", "linkerd-viz", "linkerd-viz");

    private final String chartName;
    private final String defaultRelease;
    private final String defaultNamespace;

    Component(String chartName, String defaultRelease, String defaultNamespace) {
      this.chartName = chartName;
      this.defaultRelease = defaultRelease;
      this.defaultNamespace = defaultNamespace;
    }

    /**
     * The chart's name.
     *
     * @return e.g. {@code linkerd-control-plane}
     */
    public String chartName() {
      return chartName;
    }

    /**
     * The release name used when none is given.
     *
     * @return e.g. {@code linkerd-control-plane}
     */
    public String defaultRelease() {
      return defaultRelease;
    }

    /**
     * The namespace used when none is given.
     *
     * @return {@code linkerd}, or {@code linkerd-viz} for viz
     */
    public String defaultNamespace() {
      return defaultNamespace;
    }
  }

  private enum IdentityMode {
    DEFAULT,
    GIVEN,
    EXTERNAL
  }

  private final Component component;
  private final ChartSource chart;
  private final boolean ha;
  private final List<Consumer<ValuesBuilder>> layers;
  private final IdentityMode identityMode;
  private final Identity identity;
  private final String prometheusUrl;
  private final String release;
  private final String namespace;
  private final String kubeVersion;
  private final Clock clock;
  private final ChartRenderer renderer;

  private LinkerdInstall(Builder b) {
    this.component = b.component;
    this.chart = b.chart;
    this.ha = b.ha;
    this.layers = List.copyOf(b.layers);
    this.identityMode = b.identityMode;
    this.identity = b.identity;
    this.prometheusUrl = b.prometheusUrl;
    this.release = b.release == null ? component.defaultRelease : b.release;
    this.namespace = b.namespace == null ? component.defaultNamespace : b.namespace;
    this.kubeVersion = b.kubeVersion == null ? DEFAULT_KUBE_VERSION : b.kubeVersion;
    this.clock = b.clock;
    this.renderer = b.renderer;
  }

  /**
   * Starts the CRDs install ({@code linkerd install --crds}).
   *
   * @param chart the {@code linkerd-crds} chart
   * @return a builder
   */
  public static Builder crds(ChartSource chart) {
    return new Builder(Component.CRDS, chart);
  }

  /**
   * Starts the control-plane install ({@code linkerd install}).
   *
   * @param chart the {@code linkerd-control-plane} chart
   * @return a builder
   */
  public static Builder controlPlane(ChartSource chart) {
    return new Builder(Component.CONTROL_PLANE, chart);
  }

  /**
   * Starts the viz extension install ({@code linkerd viz install}).
   *
   * @param chart the {@code linkerd-viz} chart
   * @return a builder
   */
  public static Builder viz(ChartSource chart) {
    return new Builder(Component.VIZ, chart);
  }

  /**
   * A builder that starts from everything this install was built with (component, chart, values
   * layers in order, identity, Prometheus, release, namespace, Kubernetes version, clock,
   * renderer), so that a variant can be derived: {@code install.toBuilder().ha(true).build()}.
   *
   * @return a new builder; changing it does not change this install
   */
  public Builder toBuilder() {
    Builder b = new Builder(component, chart);
    b.ha = ha;
    b.layers.addAll(layers);
    b.identityMode = identityMode;
    b.identity = identity;
    b.prometheusUrl = prometheusUrl;
    b.release = release;
    b.namespace = namespace;
    b.kubeVersion = kubeVersion;
    b.clock = clock;
    b.renderer = renderer;
    return b;
  }

  /**
   * The chart rendered.
   *
   * @return the chart source
   */
  public ChartSource chart() {
    return chart;
  }

  /**
   * Whether the chart's own {@code values-ha.yaml} is the first values layer.
   *
   * @return true for high availability
   */
  public boolean ha() {
    return ha;
  }

  /**
   * What this install renders.
   *
   * @return the component
   */
  public Component component() {
    return component;
  }

  /**
   * The release name.
   *
   * @return the name
   */
  public String release() {
    return release;
  }

  /**
   * The namespace.
   *
   * @return the namespace
   */
  public String namespace() {
    return namespace;
  }

  /**
   * The Kubernetes version rendered for.
   *
   * @return e.g. {@code 1.31.0}
   */
  public String kubeVersion() {
    return kubeVersion;
  }

  /**
   * Builds the values, checks the identity material, and renders the chart.
   *
   * @return the manifests and the values {@code linkerd-config} holds
   * @throws InstallException for invalid or incomplete identity material, an option the chart does
   *     not support, or unreadable values
   * @throws RenderException when Helm refuses the chart or the values
   */
  public RenderedInstall render() {
    ValuesBuilder vb = ValuesBuilder.create();
    if (ha) {
      String text =
          chart
              .readFile("values-ha.yaml")
              .orElseThrow(
                  () -> new InstallException("--ha: chart " + chart + " has no values-ha.yaml"));
      vb.values(HelmValues.fromYaml(text, chart + ": values-ha.yaml"));
    }
    layers.forEach(l -> l.accept(vb));
    LayeredValues layered = vb.build();
    HelmValues user = layered.userValues();
    List<String> warnings = new ArrayList<>(layered.warnings());
    if (component == Component.CONTROL_PLANE) {
      user = withIdentity(user, warnings);
    }
    if (prometheusUrl != null) {
      user =
          user.merge(
              HelmValues.of(
                  Map.of("prometheusUrl", prometheusUrl, "prometheus", Map.of("enabled", false))));
    }
    List<Manifest> manifests = renderer.render(chart, user, release, namespace, kubeVersion);
    HelmValues config = configValues(manifests);
    return new RenderedInstall(
        component,
        manifests,
        config,
        warnings,
        namespace,
        namespaceObject(config != null ? config : user));
  }

  /** The Namespace as the chart's {@code namespace.yaml} renders it for Linkerd's CLI. */
  private Manifest namespaceObject(HelmValues values) {
    if (component == Component.CRDS) {
      return null;
    }
    String enforce = values.getBoolean("cniEnabled").orElse(false) ? "restricted" : "privileged";
    Map<String, Object> labels = new LinkedHashMap<>();
    Map<String, Object> annotations = new LinkedHashMap<>();
    if (component == Component.CONTROL_PLANE) {
      annotations.put("linkerd.io/inject", "disabled");
      labels.put("linkerd.io/is-control-plane", "true");
      labels.put("config.linkerd.io/admission-webhooks", "disabled");
      labels.put("linkerd.io/control-plane-ns", namespace);
    } else {
      labels.put("linkerd.io/extension", "viz");
      String url = values.getString("prometheusUrl").orElse("");
      if (!url.isEmpty()) {
        annotations.put("viz.linkerd.io/external-prometheus", url);
      }
    }
    labels.put("pod-security.kubernetes.io/enforce", enforce);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", namespace);
    if (!annotations.isEmpty()) {
      metadata.put("annotations", annotations);
    }
    metadata.put("labels", labels);
    Map<String, Object> ns = new LinkedHashMap<>();
    ns.put("kind", "Namespace");
    ns.put("apiVersion", "v1");
    ns.put("metadata", metadata);
    return Manifest.of(ns);
  }

  private HelmValues withIdentity(HelmValues values, List<String> warnings) {
    HelmValues user = values;
    if (identityMode == IdentityMode.GIVEN) {
      user = user.merge(identityLayer(identity.anchors, identity.crt, identity.key));
    } else if (identityMode == IdentityMode.EXTERNAL) {
      Map<String, Object> issuer = new LinkedHashMap<>();
      issuer.put("scheme", LinkerdIdentityConfig.SCHEME_KUBERNETES);
      user =
          user.merge(
              HelmValues.of(Map.of("identity", Map.of("externalCA", true, "issuer", issuer))));
    }
    boolean externalIssuer =
        LinkerdIdentityConfig.SCHEME_KUBERNETES.equals(
            user.getString("identity.issuer.scheme").orElse(""));
    boolean externalCa = user.getBoolean("identity.externalCA").orElse(false);
    String anchors = text(user, ANCHORS);
    if (externalIssuer) {
      if (!anchors.isBlank()) {
        decodeAnchors(anchors);
      }
      return user;
    }
    String crt = text(user, CRT);
    String key = text(user, KEY);
    if (anchors.isBlank() && crt.isBlank() && key.isBlank() && !externalCa) {
      return user.merge(generated(user.getString("identityTrustDomain").orElse("cluster.local")));
    }
    List<String> missing = new ArrayList<>();
    if (anchors.isBlank() && !externalCa) {
      missing.add(ANCHORS);
    }
    if (crt.isBlank()) {
      missing.add(CRT);
    }
    if (key.isBlank()) {
      missing.add(KEY);
    }
    if (!missing.isEmpty()) {
      throw new InstallException(
          "identity material is incomplete: "
              + String.join(", ", missing)
              + " missing (give the trust anchors, issuer certificate and issuer key together, use"
              + " an external issuer, or give none to have them generated)");
    }
    if (anchors.isBlank()) {
      // identity.externalCA: the trust roots live in the cluster; check the issuer pair alone
      issuerPair(crt, key);
      return user;
    }
    CategoryReport report =
        IdentityValidator.builder(clock).build().validate(IdentitySource.ofPem(anchors, crt, key));
    List<String> errors = new ArrayList<>();
    for (CheckResult r : report.results()) {
      String text = r.description() + ": " + r.message().orElse("failed");
      if (r.outcome() == Outcome.ERROR) {
        errors.add(text);
      } else if (r.outcome() == Outcome.WARNING) {
        warnings.add("identity: " + text);
      }
    }
    if (!errors.isEmpty()) {
      throw new InstallException("identity material is invalid: " + String.join("; ", errors));
    }
    return user;
  }

  /** A PEM value; the error for a non-string names the path only, never the value. */
  private static String text(HelmValues values, String path) {
    Object v = values.get(path).orElse(null);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      throw new InstallException(
          path
              + " must be a PEM string, not "
              + (v instanceof Map
                  ? "a map"
                  : v instanceof List ? "a list" : "a " + v.getClass().getSimpleName()));
    }
    return s;
  }

  private static void decodeAnchors(String anchors) {
    try {
      if (Pem.decodeCertificates(anchors).isEmpty()) {
        throw new InstallException(ANCHORS + " holds no certificate");
      }
    } catch (MeshException e) {
      if (e instanceof InstallException) {
        throw e;
      }
      throw new InstallException(ANCHORS + " is not valid: " + e.getMessage(), e);
    }
  }

  private static void issuerPair(String crt, String key) {
    try {
      List<X509Certificate> certs = Pem.decodeCertificates(crt);
      PrivateKey k = Pem.decodePrivateKey(key);
      if (certs.isEmpty() || !Pem.keyMatches(k, certs.get(0))) {
        throw new InstallException(
            "identity material is invalid: "
                + KEY
                + " is not the private key of the first certificate in "
                + CRT);
      }
    } catch (MeshException e) {
      if (e instanceof InstallException) {
        throw e;
      }
      throw new InstallException("identity material is invalid: " + e.getMessage(), e);
    }
  }

  private HelmValues generated(String trustDomain) {
    CertificateAuthority ca = CertificateAuthority.create(clock);
    IssuedCertificate anchor =
        ca.createTrustAnchor(
            CertificateAuthority.DEFAULT_ANCHOR_VALIDITY, "root.linkerd." + trustDomain);
    IssuedCertificate issuer =
        ca.createIssuer(
            anchor,
            CertificateAuthority.DEFAULT_ISSUER_VALIDITY,
            "identity.linkerd." + trustDomain);
    return identityLayer(anchor.certificatePem(), issuer.certificatePem(), issuer.privateKeyPem());
  }

  private static HelmValues identityLayer(String anchors, String crt, String key) {
    Map<String, Object> tls = new LinkedHashMap<>();
    tls.put("crtPEM", crt);
    tls.put("keyPEM", key);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(ANCHORS, anchors);
    root.put("identity", Map.of("issuer", Map.of("tls", tls)));
    return HelmValues.of(root);
  }

  private static HelmValues configValues(List<Manifest> manifests) {
    for (Manifest m : manifests) {
      if (m.kind().filter("ConfigMap"::equals).isPresent()
          && m.name().filter(LinkerdIdentityConfig.CONFIG_MAP::equals).isPresent()) {
        Object data = m.object().orElseThrow().get("data");
        if (data instanceof Map<?, ?> d && d.get("values") instanceof String text) {
          return HelmValues.fromYaml(
              text, "ConfigMap " + LinkerdIdentityConfig.CONFIG_MAP + " data.values");
        }
      }
    }
    return null;
  }

  /** Returns the component, chart, release and namespace; never any value. */
  @Override
  public String toString() {
    return "LinkerdInstall["
        + component
        + " from "
        + chart
        + (ha ? ", ha" : "")
        + ", release "
        + release
        + " in "
        + namespace
        + ", Kubernetes "
        + kubeVersion
        + "]";
  }

  /** The identity material given to the builder (no toString: it holds the key). */
  private static final class Identity {
    final String anchors;
    final String crt;
    final String key;

    Identity(String anchors, String crt, String key) {
      this.anchors = anchors;
      this.crt = crt;
      this.key = key;
    }

    @Override
    public String toString() {
      return "Identity[redacted]";
    }
  }

  /** Builds a {@link LinkerdInstall}. Not thread-safe. */
  public static final class Builder {
    private final Component component;
    private final ChartSource chart;
    private boolean ha;
    private final List<Consumer<ValuesBuilder>> layers = new ArrayList<>();
    private IdentityMode identityMode = IdentityMode.DEFAULT;
    private Identity identity;
    private String prometheusUrl;
    private String release;
    private String namespace;
    private String kubeVersion;
    private Clock clock = Clock.systemUTC();
    private ChartRenderer renderer = ChartRenderer.create();

    private Builder(Component component, ChartSource chart) {
      this.component = component;
      this.chart = Objects.requireNonNull(chart, "chart");
    }

    /**
     * Whether to apply the chart's own {@code values-ha.yaml} (first, before the other layers).
     *
     * @param ha true for high availability
     * @return this builder
     */
    public Builder ha(boolean ha) {
      this.ha = ha;
      return this;
    }

    /**
     * Adds a {@code -f} values file (YAML or JSON).
     *
     * @param file the file, read when rendering
     * @return this builder
     */
    public Builder valuesFile(Path file) {
      Objects.requireNonNull(file, "file");
      layers.add(b -> b.valuesFile(file));
      return this;
    }

    /**
     * Adds a {@code -f} layer already parsed.
     *
     * @param values the layer
     * @return this builder
     */
    public Builder values(HelmValues values) {
      Objects.requireNonNull(values, "values");
      layers.add(b -> b.values(values));
      return this;
    }

    /**
     * Adds a {@code --set} argument.
     *
     * @param argument e.g. {@code proxyInit.runAsRoot=true}
     * @return this builder
     */
    public Builder set(String argument) {
      return set(SetFlag.SET, argument);
    }

    /**
     * Adds an argument of the {@code --set} family.
     *
     * @param flag the kind
     * @param argument one raw Helm argument
     * @return this builder
     */
    public Builder set(SetFlag flag, String argument) {
      Objects.requireNonNull(flag, "flag");
      Objects.requireNonNull(argument, "argument");
      layers.add(b -> b.set(flag, argument));
      return this;
    }

    /**
     * Adds layers through a {@link ValuesBuilder} (e.g. to set its {@code --set-file} reader); the
     * builder starts without defaults, since Helm coalesces onto the chart's own.
     *
     * @param layer adds to the builder
     * @return this builder
     */
    public Builder layers(Consumer<ValuesBuilder> layer) {
      layers.add(Objects.requireNonNull(layer, "layer"));
      return this;
    }

    /**
     * Uses this identity material (control plane), checked before rendering.
     *
     * @param trustAnchorsPem the trust anchors bundle
     * @param issuerCertificatePem the issuer certificate (optionally followed by its chain)
     * @param issuerKeyPem the issuer's private key
     * @return this builder
     */
    public Builder identity(
        String trustAnchorsPem, String issuerCertificatePem, String issuerKeyPem) {
      this.identity =
          new Identity(
              Objects.requireNonNull(trustAnchorsPem, "trustAnchorsPem"),
              Objects.requireNonNull(issuerCertificatePem, "issuerCertificatePem"),
              Objects.requireNonNull(issuerKeyPem, "issuerKeyPem"));
      this.identityMode = IdentityMode.GIVEN;
      return this;
    }

    /**
     * Uses identity material from files ({@code linkerd install --identity-trust-anchors-file …
     * --identity-issuer-certificate-file … --identity-issuer-key-file …}), read strictly now: every
     * error names the file.
     *
     * @param trustAnchors e.g. {@code ca.crt}
     * @param issuerCertificate e.g. {@code issuer.crt}
     * @param issuerKey e.g. {@code issuer.key}
     * @return this builder
     * @throws MeshException when a file cannot be read or the key does not match
     */
    public Builder identityFiles(Path trustAnchors, Path issuerCertificate, Path issuerKey) {
      IdentitySource.ofFiles(trustAnchors, issuerCertificate, issuerKey).load();
      return identity(read(trustAnchors), read(issuerCertificate), read(issuerKey));
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InstallException(file + ": " + e.getMessage(), e);
      }
    }

    /**
     * Uses an external issuer (control plane): {@code identity.externalCA=true} and {@code
     * identity.issuer.scheme=kubernetes.io/tls}; the issuer Secret {@code linkerd-identity-issuer}
     * (with {@code ca.crt}, {@code tls.crt}, {@code tls.key}) is made by someone else, e.g.
     * cert-manager.
     *
     * @return this builder
     */
    public Builder externalIdentity() {
      this.identity = null;
      this.identityMode = IdentityMode.EXTERNAL;
      return this;
    }

    /**
     * Uses an external Prometheus (viz): {@code prometheusUrl} and {@code
     * prometheus.enabled=false}.
     *
     * @param url e.g. {@code http://prometheus.monitoring.svc:9090}
     * @return this builder
     */
    public Builder externalPrometheus(String url) {
      this.prometheusUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Sets the release name.
     *
     * @param release the name; default per component
     * @return this builder
     */
    public Builder release(String release) {
      this.release = Objects.requireNonNull(release, "release");
      return this;
    }

    /**
     * Sets the namespace.
     *
     * @param namespace the namespace; default {@code linkerd} ({@code linkerd-viz} for viz)
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * Sets the Kubernetes version rendered for.
     *
     * @param kubeVersion e.g. {@code 1.31.0}; default {@link #DEFAULT_KUBE_VERSION}
     * @return this builder
     */
    public Builder kubeVersion(String kubeVersion) {
      this.kubeVersion = Objects.requireNonNull(kubeVersion, "kubeVersion");
      return this;
    }

    /**
     * Sets the clock of the identity checks and of generated certificates.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the renderer.
     *
     * @param renderer the renderer; default {@link ChartRenderer#create()}
     * @return this builder
     */
    public Builder renderer(ChartRenderer renderer) {
      this.renderer = Objects.requireNonNull(renderer, "renderer");
      return this;
    }

    /**
     * Builds the install.
     *
     * @return the install
     * @throws InstallException when an option does not apply to the component
     */
    public LinkerdInstall build() {
      if (component != Component.CONTROL_PLANE && identityMode != IdentityMode.DEFAULT) {
        throw new InstallException(
            "identity options apply only to the control plane, not to " + component.chartName);
      }
      if (component != Component.VIZ && prometheusUrl != null) {
        throw new InstallException("an external Prometheus applies only to linkerd-viz");
      }
      return new LinkerdInstall(this);
    }
  }
}
