package io.meshsdk.cli;

import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.install.ApplyResult;
import io.meshsdk.install.Change;
import io.meshsdk.install.ChartSource;
import io.meshsdk.install.InstallEvent;
import io.meshsdk.install.InstallException;
import io.meshsdk.install.InstallListener;
import io.meshsdk.install.InstallPlan;
import io.meshsdk.install.Installer;
import io.meshsdk.install.LinkerdInstall;
import io.meshsdk.install.RenderedInstall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mesh install}: renders Linkerd's real charts with real Helm, in-process, and prints the
 * manifests (as {@code linkerd install} does, ready for {@code kubectl apply -f -}).
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Render Linkerd's CRDs, control plane or viz chart and print the manifests.",
    description = {
      "Render a Linkerd chart with Helm (in-process) and print the manifests in Helm's install"
          + " order. Values layer as Helm layers them: the chart's defaults, then with --ha the"
          + " chart's own values-ha.yaml, then the -f files in order, then the --set family.",
      "",
      "Without identity material in the values or the --identity-* files, a fresh trust anchor"
          + " and issuer are generated, as linkerd install does. Given material is checked with"
          + " Linkerd's identity rules before anything renders. As with helm template, the chart"
          + " renders no Namespace: create the namespace before applying.",
      "",
      "With --apply the manifests go to the cluster of the kubeconfig instead (server-side"
          + " apply, field manager mesh): after the pre-install checks (refused on findings,"
          + " e.g. docker:// nodes without proxyInit.runAsRoot=true, unless --skip-checks), the"
          + " CRDs (waiting until Established), the namespace as linkerd install renders it, the"
          + " rest in Helm's order, then a wait for the Deployments (--wait). Unchanged objects"
          + " are not written. --plan shows what --apply would do and writes nothing.",
      ""
    })
final class InstallCommand implements Callable<Integer> {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand private MeshCommand parent;

  @Option(names = "--crds", description = "Render the linkerd-crds chart.")
  private boolean crds;

  @Option(names = "--viz", description = "Render the linkerd-viz chart.")
  private boolean viz;

  @Option(names = "--ha", description = "Apply the chart's values-ha.yaml first.")
  private boolean ha;

  @Option(
      names = "--chart",
      required = true,
      paramLabel = "DIR|TGZ|URL/NAME",
      description = "The chart: a folder, a .tgz, or a repository URL followed by /NAME.")
  private String chart;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "Chart version (or constraint) of a repository chart; default the latest.")
  private String chartVersion;

  @CommandLine.Mixin private ValuesLayerOptions layers = new ValuesLayerOptions();

  @Option(names = "--set-json", paramLabel = "S", description = "Helm --set-json argument.")
  private List<String> setJson = new ArrayList<>();

  @Option(names = "--set-literal", paramLabel = "S", description = "Helm --set-literal argument.")
  private List<String> setLiteral = new ArrayList<>();

  @Option(
      names = "--identity-trust-anchors-file",
      paramLabel = "FILE",
      description = "Trust anchors (PEM) of the control plane.")
  private Path trustAnchorsFile;

  @Option(
      names = "--identity-issuer-certificate-file",
      paramLabel = "FILE",
      description = "Issuer certificate (PEM) of the control plane.")
  private Path issuerCertificateFile;

  @Option(
      names = "--identity-issuer-key-file",
      paramLabel = "FILE",
      description = "Issuer private key (PEM) of the control plane.")
  private Path issuerKeyFile;

  @Option(
      names = "--release",
      paramLabel = "NAME",
      description =
          "Release name; default linkerd-control-plane (linkerd-crds with --crds,"
              + " linkerd-viz with --viz).")
  private String release;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Namespace; default linkerd (linkerd-viz with --viz).")
  private String namespace;

  @Option(
      names = "--kube-version",
      paramLabel = "V",
      description =
          "Kubernetes version to render for; default " + LinkerdInstall.DEFAULT_KUBE_VERSION + ".")
  private String kubeVersion;

  @Option(
      names = "--apply",
      description = "Apply the manifests to the cluster instead of printing them.")
  private boolean apply;

  @Option(
      names = "--plan",
      description =
          "Print what --apply would do (created / changed with the fields / unchanged), computed"
              + " with server dry runs; writes nothing.")
  private boolean plan;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Path to the kubeconfig.")
  private Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context.")
  private String context;

  @Option(names = "--skip-checks", description = "Apply without the pre-install checks.")
  private boolean skipChecks;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = WaitConverter.class,
      description =
          "How long to wait for the Deployments to be ready after applying (default 5m; 0s does"
              + " not wait).")
  private Duration wait;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "Output format: yaml (default) or json (one document per line).")
  private OutputFormat output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (crds && viz) {
      throw usage("--crds and --viz exclude each other");
    }
    boolean connect = apply || plan;
    if (!connect && (kubeconfig != null || context != null || skipChecks || wait != null)) {
      throw usage("--kubeconfig, --context, --skip-checks and --wait need --apply or --plan");
    }
    if (connect && spec.commandLine().getParseResult().hasMatchedOption("--output")) {
      throw usage("-o cannot be used with --apply or --plan, which print no manifests");
    }
    if (plan && wait != null) {
      throw usage("--wait cannot be used with --plan, which applies nothing");
    }
    ChartSource source;
    try {
      source = ChartSource.parse(chart, chartVersion);
    } catch (InstallException e) {
      throw usage("--chart: " + e.getMessage());
    }
    LinkerdInstall.Builder b =
        crds
            ? LinkerdInstall.crds(source)
            : viz ? LinkerdInstall.viz(source) : LinkerdInstall.controlPlane(source);
    b.ha(ha);
    b.layers(
        vb -> {
          layers.addTo(vb, parent.stdin());
          setJson.forEach(a -> vb.set(SetFlag.SET_JSON, a));
          setLiteral.forEach(a -> vb.set(SetFlag.SET_LITERAL, a));
        });
    int identityFiles =
        (trustAnchorsFile == null ? 0 : 1)
            + (issuerCertificateFile == null ? 0 : 1)
            + (issuerKeyFile == null ? 0 : 1);
    if (identityFiles != 0) {
      if (identityFiles != 3) {
        throw usage(
            "--identity-trust-anchors-file, --identity-issuer-certificate-file and"
                + " --identity-issuer-key-file go together");
      }
      if (crds || viz) {
        throw usage("the --identity-* files apply only to the control plane");
      }
      b.identityFiles(trustAnchorsFile, issuerCertificateFile, issuerKeyFile);
    }
    if (release != null) {
      b.release(release);
    }
    if (namespace != null) {
      b.namespace(namespace);
    }
    LiveCluster cluster = null;
    if (connect) {
      LiveCluster.Builder live = LiveCluster.builder();
      if (kubeconfig != null) {
        live.kubeconfig(kubeconfig);
      }
      if (context != null) {
        live.context(context);
      }
      cluster = live.build();
      if (kubeVersion == null) {
        kubeVersion = kubeVersionOf(cluster.serverVersion().getGitVersion());
      }
    }
    if (kubeVersion != null) {
      b.kubeVersion(kubeVersion);
    }
    LinkerdInstall install = b.build();
    RenderedInstall rendered = install.render();
    if (connect) {
      rendered.warnings().forEach(w -> err.println("warning: " + w));
      return applyTo(cluster, rendered, out, err);
    }

    StringWriter text = new StringWriter();
    try (ManifestWriter w =
        output == OutputFormat.json ? ManifestWriter.json(text) : ManifestWriter.yaml(text)) {
      rendered.manifests().forEach(w::write);
    }
    rendered.warnings().forEach(w -> err.println("warning: " + w));
    if (!crds
        && rendered.ofKind("Namespace").stream()
            .map(Manifest::name)
            .noneMatch(n -> n.filter(install.namespace()::equals).isPresent())) {
      err.println(
          "note: the chart renders no Namespace; create namespace "
              + install.namespace()
              + " before applying");
    }
    out.print(text);
    return MeshCommand.OK;
  }

  private int applyTo(
      LiveCluster cluster, RenderedInstall rendered, PrintWriter out, PrintWriter err) {
    Progress progress = new Progress(err, System.console() != null);
    Installer.Builder b = Installer.newBuilder().skipChecks(skipChecks).listener(progress);
    if (wait != null) {
      b.waitTimeout(wait);
    }
    Installer installer = b.build();
    try {
      if (plan) {
        InstallPlan p = installer.plan(cluster, rendered);
        progress.finish();
        out.print(p.render());
      } else {
        ApplyResult result = installer.apply(cluster, rendered);
        progress.finish();
        out.println(result.summary());
      }
    } catch (RuntimeException e) {
      progress.finish();
      throw e;
    }
    return MeshCommand.OK;
  }

  private static final Pattern KUBE_VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)");

  /** The version to render for from the server's {@code gitVersion}, e.g. {@code v1.31.2+k3s1}. */
  static String kubeVersionOf(String gitVersion) {
    Matcher m = KUBE_VERSION.matcher(gitVersion == null ? "" : gitVersion);
    return m.find() ? m.group(1) : LinkerdInstall.DEFAULT_KUBE_VERSION;
  }

  /**
   * Progress on stderr: on a terminal one live line that each event replaces and a kept line per
   * step; otherwise a plain line per step and per wait.
   */
  static final class Progress implements InstallListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final Map<Change, Integer> counts = new EnumMap<>(Change.class);
    private boolean liveLine;
    private int ready;

    Progress(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    @Override
    public void onEvent(InstallEvent e) {
      switch (e.type()) {
        case STEP_STARTED -> {
          counts.clear();
          ready = 0;
        }
        case OBJECT -> {
          e.change().ifPresent(c -> counts.merge(c, 1, Integer::sum));
          live(e.toString());
        }
        case WAITING -> {
          if (terminal) {
            live(e.toString());
          } else {
            err.println(e);
          }
        }
        case READY -> {
          ready++;
          live(e.toString());
        }
        case STEP_DONE -> {
          String line = "[" + e.step() + "] ";
          if (e.step().equals("pre-checks")) {
            line += e.message();
          } else if (e.step().equals("wait")) {
            line += ready + " ready";
          } else {
            line +=
                counts.getOrDefault(Change.CREATED, 0)
                    + " created, "
                    + counts.getOrDefault(Change.CHANGED, 0)
                    + " changed, "
                    + counts.getOrDefault(Change.UNCHANGED, 0)
                    + " unchanged";
          }
          kept(line + " (" + e.elapsed().toMillis() + " ms)");
        }
        case DONE -> finish();
      }
      err.flush();
    }

    private void live(String text) {
      if (terminal) {
        err.print("\r\033[K" + text);
        liveLine = true;
      }
    }

    private void kept(String text) {
      if (liveLine) {
        err.print("\r\033[K");
        liveLine = false;
      }
      err.println(text);
    }

    void finish() {
      if (liveLine) {
        err.print("\r\033[K");
        liveLine = false;
      }
      err.flush();
    }
  }

  /** A duration such as {@code 5m} or {@code 90s}; zero allowed (no wait). */
  static final class WaitConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return CertsCommand.parseDuration(value);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
