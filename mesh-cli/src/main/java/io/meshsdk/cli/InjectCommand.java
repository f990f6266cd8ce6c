package io.meshsdk.cli;

import io.meshsdk.core.ConfigurationException;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.UnknownKey;
import io.meshsdk.core.values.ValuesBuilder;
import io.meshsdk.inject.InjectMode;
import io.meshsdk.inject.InjectionReport;
import io.meshsdk.inject.Injector;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mesh inject}: Linkerd's {@code linkerd inject}, with the installed mesh given as Helm
 * values on Linkerd's chart defaults and injection-time overrides in Helm {@code --set} syntax.
 */
@Command(
    name = "inject",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    abbreviateSynopsis = true,
    header = "Add Linkerd to Kubernetes manifests, exactly as linkerd inject does.",
    description = {
      "Inject Linkerd into the resources of each PATH (a file, a folder walked with its entries"
          + " sorted by name, or - for stdin; each file is one input with its own report). The"
          + " output YAML goes to stdout, Linkerd's report to stderr. Documents that are not"
          + " changed come out byte for byte; changed ones are their own text plus the lines"
          + " inject owns, in the document's own style (comments, quotes and layout kept).",
      "",
      "The installed mesh (what the cluster's linkerd-config holds) is Linkerd's chart defaults"
          + " with the -f, --set, --set-string and --set-file layers applied as Helm applies"
          + " them. Each --override (Helm --set syntax, same value paths) and each Linkerd-style"
          + " flag below changes the values at injection time; every overridable value that then"
          + " differs from the installed one becomes its config.linkerd.io/* annotation.",
      "",
      "As Linkerd: if a resource must be refused, nothing of its input is printed, stderr gets"
          + " 'Error transforming resources:' and the reason, inputs after it are not read, and"
          + " the exit code is 1.",
      ""
    })
final class InjectCommand implements Callable<Integer> {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand private MeshCommand parent;

  @Option(
      names = "--manual",
      description = "Add the proxy to the manifests (full injection) instead of the annotation.")
  private boolean manual;

  @Option(
      names = "--enable-debug-sidecar",
      description =
          "Add config.linkerd.io/enable-debug-sidecar: \"true\" (with --manual: the"
              + " linkerd-debug container).")
  private boolean debugSidecar;

  @Option(
      names = "--allow-duplicate-keys",
      description =
          "Accept duplicate mapping keys as Linkerd does (the last one wins, with a"
              + " warning naming the line) instead of refusing the document.")
  private boolean allowDuplicateKeys;

  @Option(names = "--verbose", description = "Print every check of the report, not only warnings.")
  private boolean verbose;

  @Option(
      names = "--created-by",
      paramLabel = "TEXT",
      description = "The linkerd.io/created-by annotation of --manual (default: mesh/<version>).")
  private String createdBy;

  @Option(
      names = "--close-wait-timeout",
      paramLabel = "DURATION",
      description =
          "Sets nf_conntrack_tcp_timeout_close_wait, a Go duration (e.g. 90s, 1m30s;"
              + " with --manual it needs proxyInit.runAsRoot=true, as in Linkerd).")
  private String closeWaitTimeout;

  @CommandLine.Mixin private ValuesLayerOptions layers = new ValuesLayerOptions();

  @Option(
      names = "--override",
      paramLabel = "S",
      parameterConsumer = InOrder.class,
      description =
          "An injection-time value, Helm --set syntax (e.g. proxy.ports.admin=1234);"
              + " repeatable.")
  private List<String> override;

  @Option(
      names = "--strict",
      description =
          "Fail (exit 1) when --values, --set* or --override sets a key Linkerd's chart"
              + " does not know, instead of warning on stderr.")
  private boolean strict;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "Output format: yaml (default) or json (one document per line).")
  private OutputFormat output;

  @Option(
      names = "--diff",
      description =
          "Print a unified diff (git diff style) of each input and its output instead"
              + " of the output: the lines inject inserts, replaces or removes.")
  private boolean diff;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "A file, a folder or - (stdin).")
  private List<String> paths;

  // Linkerd's inject flags, as aliases of --override with their own semantics

  @Option(
      names = "--proxy-version",
      paramLabel = "V",
      parameterConsumer = InOrder.class,
      description = "Tag of the proxy image (proxy.image.version).")
  private String proxyVersion;

  @Option(
      names = "--proxy-image",
      paramLabel = "IMAGE",
      parameterConsumer = InOrder.class,
      description = "Proxy image name (proxy.image.name).")
  private String proxyImage;

  @Option(
      names = "--registry",
      paramLabel = "REGISTRY",
      parameterConsumer = InOrder.class,
      description = "Registry of the proxy and debug images.")
  private String registry;

  @Option(
      names = "--image-pull-policy",
      paramLabel = "POLICY",
      parameterConsumer = InOrder.class,
      description = "Pull policy of every image.")
  private String imagePullPolicy;

  @Option(
      names = "--inbound-port",
      paramLabel = "PORT",
      parameterConsumer = InOrder.class,
      description = "Proxy port for inbound traffic.")
  private String inboundPort;

  @Option(
      names = "--outbound-port",
      paramLabel = "PORT",
      parameterConsumer = InOrder.class,
      description = "Proxy port for outbound traffic.")
  private String outboundPort;

  @Option(
      names = "--admin-port",
      paramLabel = "PORT",
      parameterConsumer = InOrder.class,
      description = "Proxy metrics and admin port.")
  private String adminPort;

  @Option(
      names = "--control-port",
      paramLabel = "PORT",
      parameterConsumer = InOrder.class,
      description = "Proxy control port.")
  private String controlPort;

  @Option(
      names = "--skip-inbound-ports",
      paramLabel = "PORTS",
      parameterConsumer = InOrder.class,
      description = "Inbound ports and ranges that bypass the proxy.")
  private String skipInboundPorts;

  @Option(
      names = "--skip-outbound-ports",
      paramLabel = "PORTS",
      parameterConsumer = InOrder.class,
      description = "Outbound ports and ranges that bypass the proxy.")
  private String skipOutboundPorts;

  @Option(
      names = "--opaque-ports",
      paramLabel = "PORTS",
      parameterConsumer = InOrder.class,
      description = "Ports and ranges without protocol detection.")
  private String opaquePorts;

  @Option(
      names = "--require-identity-on-inbound-ports",
      paramLabel = "PORTS",
      parameterConsumer = InOrder.class,
      description = "Inbound ports that require identity.")
  private String requireIdentity;

  @Option(
      names = "--proxy-uid",
      paramLabel = "UID",
      parameterConsumer = InOrder.class,
      description = "User id the proxy runs as.")
  private String proxyUid;

  @Option(
      names = "--proxy-gid",
      paramLabel = "GID",
      parameterConsumer = InOrder.class,
      description = "Group id the proxy runs as.")
  private String proxyGid;

  @Option(
      names = "--proxy-log-level",
      paramLabel = "LEVEL",
      parameterConsumer = InOrder.class,
      description = "Proxy log level.")
  private String proxyLogLevel;

  @Option(
      names = "--proxy-log-format",
      paramLabel = "FORMAT",
      parameterConsumer = InOrder.class,
      description = "Proxy log format (plain or json).")
  private String proxyLogFormat;

  @Option(
      names = "--proxy-cpu-request",
      paramLabel = "CPU",
      parameterConsumer = InOrder.class,
      description = "Proxy CPU request (also the minimum worker count).")
  private String proxyCpuRequest;

  @Option(
      names = "--proxy-cpu-limit",
      paramLabel = "CPU",
      parameterConsumer = InOrder.class,
      description = "Proxy CPU limit (also the maximum worker count).")
  private String proxyCpuLimit;

  @Option(
      names = "--proxy-cpu",
      paramLabel = "CPU",
      parameterConsumer = InOrder.class,
      hidden = true,
      description = "Deprecated: --proxy-cpu-request.")
  private String proxyCpu;

  @Option(
      names = "--proxy-memory-request",
      paramLabel = "MEM",
      parameterConsumer = InOrder.class,
      description = "Proxy memory request.")
  private String proxyMemoryRequest;

  @Option(
      names = "--proxy-memory-limit",
      paramLabel = "MEM",
      parameterConsumer = InOrder.class,
      description = "Proxy memory limit.")
  private String proxyMemoryLimit;

  @Option(
      names = "--proxy-memory",
      paramLabel = "MEM",
      parameterConsumer = InOrder.class,
      hidden = true,
      description = "Deprecated: --proxy-memory-request.")
  private String proxyMemory;

  @Option(
      names = "--wait-before-exit-seconds",
      paramLabel = "N",
      parameterConsumer = InOrder.class,
      description = "Seconds the proxy waits before exiting.")
  private String waitBeforeExit;

  @Option(
      names = "--default-inbound-policy",
      paramLabel = "POLICY",
      parameterConsumer = InOrder.class,
      description = "Inbound policy of the proxy.")
  private String defaultInboundPolicy;

  @Option(
      names = "--ingress",
      paramLabel = "BOOL",
      arity = "0..1",
      parameterConsumer = InOrder.class,
      description = "Run the proxy in ingress mode (linkerd.io/inject: ingress).")
  private String ingress;

  @Option(
      names = "--enable-external-profiles",
      paramLabel = "BOOL",
      arity = "0..1",
      parameterConsumer = InOrder.class,
      description = "Use service profiles of other clusters.")
  private String externalProfiles;

  @Option(
      names = "--native-sidecar",
      paramLabel = "BOOL",
      arity = "0..1",
      parameterConsumer = InOrder.class,
      description = "Run the proxy as a native sidecar (an init container).")
  private String nativeSidecar;

  /** --override and the Linkerd flags in command-line order. */
  private final List<UnaryOperator<Injector.Builder>> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    ValuesBuilder installed =
        layers.addTo(LinkerdChart.CONTROL_PLANE.valuesBuilder(), parent.stdin());
    if (strict) {
      installed.strict();
    }
    LayeredValues values = installed.build();
    Injector.Builder b =
        Injector.builder()
            .installedValues(values.values())
            .mode(manual ? InjectMode.PROXY : InjectMode.ANNOTATE)
            .debugSidecar(debugSidecar);
    if (strict) {
      b.strictKeys();
    }
    if (createdBy != null) {
      b.createdBy(createdBy);
    }
    if (closeWaitTimeout != null) {
      try {
        b.closeWaitTimeout(closeWaitTimeout);
      } catch (ConfigurationException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    for (UnaryOperator<Injector.Builder> o : overrides) {
      o.apply(b);
    }
    Injector injector = b.build();
    PrintWriter err = spec.commandLine().getErr();
    for (UnknownKey u : values.unknownKeys()) {
      err.println("warning: " + u.describe());
    }
    for (UnknownKey u : injector.unknownKeys()) {
      err.println("warning: " + u.describe() + " (--override)");
    }
    err.flush();
    Injector.Session session = injector.newSession();
    TransformRun run =
        new TransformRun(InjectionReport.Operation.INJECT, verbose, output, allowDuplicateKeys);
    return (diff ? run.diff() : run)
        .run(paths, parent.stdin(), session::inject, spec.commandLine());
  }

  /** Records an {@code --override} or a Linkerd flag in command-line order, checking it now. */
  private void record(String option, String value) {
    String flag = option.substring(2);
    UnaryOperator<Injector.Builder> o =
        flag.equals("override") ? b -> b.override(value) : b -> b.linkerdFlag(flag, value);
    try {
      o.apply(Injector.builder());
    } catch (ConfigurationException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    overrides.add(o);
  }

  /**
   * Consumes the value of {@code --override} or a Linkerd flag and records it in order (picocli
   * would otherwise keep one value per option, losing the order between options). A boolean flag
   * takes {@code =true}/{@code =false} or a following {@code true}/{@code false}, else it is true.
   */
  static final class InOrder implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(
        Stack<String> args,
        CommandLine.Model.ArgSpec argSpec,
        CommandLine.Model.CommandSpec commandSpec) {
      CommandLine.Model.OptionSpec option = (CommandLine.Model.OptionSpec) argSpec;
      String name = option.longestName();
      String value;
      if (option.arity().min() == 0) {
        boolean explicit =
            !args.isEmpty()
                && (args.peek().equalsIgnoreCase("true") || args.peek().equalsIgnoreCase("false"));
        value = explicit ? args.pop().toLowerCase(Locale.ROOT) : "true";
      } else if (args.isEmpty()) {
        throw new CommandLine.MissingParameterException(
            commandSpec.commandLine(),
            argSpec,
            "Missing required parameter for option '" + name + "' (" + option.paramLabel() + ")");
      } else {
        value = args.pop();
      }
      ((InjectCommand) commandSpec.userObject()).record(name, value);
    }
  }
}
