package io.meshsdk.cli;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.install.ChartSource;
import io.meshsdk.install.InstallException;
import io.meshsdk.install.LinkerdInstall;
import io.meshsdk.install.RenderedInstall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    if (kubeVersion != null) {
      b.kubeVersion(kubeVersion);
    }
    LinkerdInstall install = b.build();
    RenderedInstall rendered = install.render();

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

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
