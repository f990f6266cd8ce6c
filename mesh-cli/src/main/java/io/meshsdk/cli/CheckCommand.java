package io.meshsdk.cli;

import io.meshsdk.checks.CheckListener;
import io.meshsdk.checks.FailurePolicy;
import io.meshsdk.checks.HealthChecker;
import io.meshsdk.checks.Preset;
import io.meshsdk.checks.VersionLookup;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.ReportFormat;
import io.meshsdk.core.report.ReportRenderer;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mesh check}: Linkerd's health checks ({@code linkerd check}, {@code --pre}, {@code
 * --crds}, {@code --proxy}, {@code linkerd viz check}) against the kubeconfig's cluster or a
 * snapshot of manifests, printed as Linkerd prints them.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Check a Linkerd installation (or, with --pre, a cluster before installing Linkerd) as"
          + " 'linkerd check' does, on the cluster of the kubeconfig or on --snapshot manifests.",
      "Offline: nothing but the cluster's API is contacted unless --version-check is given.",
      "Exit code 0 when the run passes under --fail-on/--cert-horizon, 1 when it fails, 2 on bad"
          + " usage."
    })
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand private MeshCommand parent;

  @Option(names = "--pre", description = "Run the pre-install checks")
  private boolean pre;

  @Option(names = "--crds", description = "Run only the CRD checks")
  private boolean crds;

  @Option(names = "--proxy", description = "Also check the data plane")
  private boolean proxy;

  @Option(
      names = "--viz",
      description =
          "Run the viz extension's checks ('linkerd viz check');"
              + " with --proxy, its data-plane checks too")
  private boolean viz;

  @Option(
      names = "--snapshot",
      paramLabel = "PATH",
      description =
          "Check manifests (files, folders, a 'kubectl get -A -o yaml' dump) instead of"
              + " a live cluster; repeatable")
  private List<Path> snapshots = new ArrayList<>();

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Path to the kubeconfig")
  private Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context")
  private String context;

  @Option(names = "--as", paramLabel = "USER", description = "Impersonate this user")
  private String as;

  @Option(
      names = "--as-group",
      paramLabel = "GROUP",
      description = "Impersonate this group; repeatable")
  private List<String> asGroups = new ArrayList<>();

  @Option(
      names = {"-L", "--linkerd-namespace"},
      paramLabel = "NS",
      description = "Namespace of the control plane (default: linkerd)")
  private String controlPlaneNamespace = "linkerd";

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Data-plane namespace for --proxy (default: all namespaces)")
  private String namespace = "";

  @Option(
      names = "--cni-namespace",
      paramLabel = "NS",
      description = "Namespace of the CNI plugin (default: linkerd-cni)")
  private String cniNamespace = "linkerd-cni";

  @Option(
      names = "--viz-namespace",
      paramLabel = "NS",
      description = "Namespace of viz (default: the namespace labelled linkerd.io/extension=viz)")
  private String vizNamespace;

  @Option(
      names = "--linkerd-cni-enabled",
      description = "The CNI plugin is used (runs the CNI checks with --pre)")
  private boolean cniEnabled;

  @Mixin private ValuesLayerOptions values;

  @Option(
      names = "--now",
      paramLabel = "RFC3339",
      converter = CertsCommand.InstantConverter.class,
      description = "Check as of this time, e.g. 2026-01-01T00:00:00Z")
  private Instant now;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = CertsCommand.DurationConverter.class,
      description =
          "Retry retryable checks this long (default 5m; 0s with --snapshot, which"
              + " never changes)")
  private Duration wait;

  @Option(
      names = "--server-version",
      paramLabel = "V",
      description = "With --snapshot: what GET /version answers (gitVersion, e.g. v1.31.2)")
  private String serverVersion;

  @Option(
      names = "--cli-version",
      paramLabel = "V",
      description =
          "The Linkerd version to report as the CLI's own (default: the version whose"
              + " chart defaults Mesh SDK carries)")
  private String cliVersion;

  @Option(
      names = "--assume-access",
      paramLabel = "allow|deny",
      description = "With --snapshot: the answer to every access review (default allow)")
  private String assumeAccess;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: table (default), json, short or junit")
  private String output = "table";

  @Option(
      names = "--fail-on",
      paramLabel = "error|warning",
      description = "Fail on errors (default, as Linkerd) or on warnings too")
  private String failOn = "error";

  @Option(
      names = "--cert-horizon",
      paramLabel = "DURATION",
      converter = CertsCommand.DurationConverter.class,
      description =
          "Fail when a certificate expires within this time (e.g. 60d); the expiry"
              + " checks then use it instead of 60 days")
  private Duration certHorizon;

  @Option(
      names = "--version-check",
      description = "Ask versioncheck.linkerd.io for the latest versions (off by default)")
  private boolean versionCheck;

  @Override
  public Integer call() {
    ReportFormat format = parseFormat();
    Preset preset = preset();
    FailurePolicy policy = policy();
    ClusterView cluster = cluster();

    HealthChecker.Builder b =
        HealthChecker.builder()
            .preset(preset)
            .controlPlaneNamespace(controlPlaneNamespace)
            .dataPlaneNamespace(namespace)
            .cniNamespace(cniNamespace)
            .vizNamespace(vizNamespace)
            .cniEnabled(cniEnabled)
            .failurePolicy(policy)
            .retryDeadline(
                wait != null
                    ? wait
                    : snapshots.isEmpty() ? HealthChecker.DEFAULT_RETRY_DEADLINE : Duration.ZERO);
    if (now != null) {
      b.clock(Clock.fixed(now, ZoneOffset.UTC));
    }
    if (cliVersion != null) {
      b.cliVersion(cliVersion);
    }
    if (versionCheck) {
      b.versionLookup(VersionLookup.linkerdVersionCheck(Duration.ofSeconds(10)));
    }
    if (!values.isEmpty()) {
      HelmValues planned =
          values.addTo(ValuesBuilder.create(), parent.stdin()).build().userValues();
      b.plannedValues(planned);
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean terminal = System.console() != null;
    LiveTable live =
        terminal && (format == ReportFormat.TABLE || format == ReportFormat.SHORT)
            ? new LiveTable(out, format == ReportFormat.SHORT)
            : null;
    if (live != null) {
      b.listener(live);
    }
    CheckReport report = b.build().run(cluster);
    if (live != null) {
      live.finish(report);
    } else {
      out.print(format.render(report));
    }
    out.flush();
    return policy.fails(report) ? MeshCommand.FAILED : MeshCommand.OK;
  }

  private ReportFormat parseFormat() {
    try {
      return ReportFormat.parse(output);
    } catch (IllegalArgumentException | io.meshsdk.core.ConfigurationException e) {
      throw usage("Invalid value for option '--output': " + e.getMessage());
    }
  }

  private Preset preset() {
    if (pre && (proxy || crds)) {
      throw usage("--pre cannot be used with " + (proxy ? "--proxy" : "--crds"));
    }
    if (crds && proxy) {
      throw usage("--crds cannot be used with --proxy");
    }
    if (viz && (pre || crds)) {
      throw usage("--viz cannot be used with " + (pre ? "--pre" : "--crds"));
    }
    if (cniEnabled && !pre) {
      throw usage("--linkerd-cni-enabled can only be used with --pre");
    }
    if (viz) {
      return proxy ? Preset.VIZ_PROXY : Preset.VIZ;
    }
    if (pre) {
      return Preset.PRE;
    }
    if (crds) {
      return Preset.CRDS;
    }
    return proxy ? Preset.PROXY : Preset.CORE;
  }

  private FailurePolicy policy() {
    boolean warnings;
    switch (failOn) {
      case "error" -> warnings = false;
      case "warning" -> warnings = true;
      default ->
          throw usage(
              "Invalid value for option '--fail-on': '" + failOn + "'; expected error or warning");
    }
    if (certHorizon != null) {
      if (warnings) {
        throw usage(
            "--cert-horizon cannot be used with --fail-on warning, which already fails"
                + " on expiring certificates");
      }
      if (certHorizon.isZero() || certHorizon.isNegative()) {
        throw usage("--cert-horizon must be positive");
      }
      return FailurePolicy.certificatesExpiringWithin(certHorizon);
    }
    return warnings ? FailurePolicy.warnings() : FailurePolicy.errors();
  }

  private ClusterView cluster() {
    if (snapshots.isEmpty()) {
      if (serverVersion != null) {
        throw usage("--server-version can only be used with --snapshot");
      }
      if (assumeAccess != null) {
        throw usage("--assume-access can only be used with --snapshot");
      }
      LiveCluster.Builder live = LiveCluster.builder();
      if (kubeconfig != null) {
        live.kubeconfig(kubeconfig);
      }
      if (context != null) {
        live.context(context);
      }
      if (as != null) {
        live.impersonate(as);
      }
      asGroups.forEach(live::impersonateGroup);
      return live.build();
    }
    if (kubeconfig != null || context != null || as != null || !asGroups.isEmpty()) {
      throw usage("--kubeconfig, --context, --as and --as-group cannot be used with --snapshot");
    }
    SnapshotCluster.Builder snap = SnapshotCluster.builder();
    snapshots.forEach(snap::add);
    if (serverVersion != null) {
      snap.serverVersion(serverVersion);
    }
    String access = assumeAccess == null ? "allow" : assumeAccess;
    switch (access) {
      case "allow" -> snap.accessPolicy(AccessPolicy.allowAll());
      case "deny" -> snap.accessPolicy(AccessPolicy.denyAll());
      default ->
          throw usage(
              "Invalid value for option '--assume-access': '"
                  + access
                  + "'; expected allow or deny");
    }
    return snap.build();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * Prints the table as checks end, on a terminal: each new line as soon as its check has a result;
   * the rest (status line) at the end. The text is the table renderer's, colored.
   */
  static final class LiveTable implements CheckListener {
    private static final String STATUS = "\nStatus check results are ";
    private final PrintWriter out;
    private final ReportRenderer renderer;
    private final List<CheckResult> heard = new ArrayList<>();
    private int printed;

    LiveTable(PrintWriter out, boolean shortForm) {
      this.out = out;
      this.renderer = shortForm ? ReportRenderer.shortForm(true) : ReportRenderer.coloredTable();
    }

    @Override
    public void onResult(CheckResult result) {
      heard.add(result);
      String text = renderer.render(CheckReport.builder().addAll(heard).build());
      int cut = text.lastIndexOf(STATUS);
      if (cut < 0 && text.startsWith(STATUS.substring(1))) {
        cut = 0; // the short form before any failure: nothing but the status line
      }
      String body = cut < 0 ? text : text.substring(0, cut);
      if (body.length() > printed) {
        out.print(body.substring(printed));
        out.flush();
        printed = body.length();
      }
    }

    void finish(CheckReport report) {
      String text = renderer.render(report);
      out.print(text.length() >= printed ? text.substring(printed) : text);
    }
  }
}
