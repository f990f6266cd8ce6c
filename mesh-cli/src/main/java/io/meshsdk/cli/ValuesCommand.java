package io.meshsdk.cli;

import io.meshsdk.core.linkerd.ChartPodAnnotations;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.linkerd.PodAnnotationOverrides;
import io.meshsdk.core.linkerd.ValuesProblem;
import io.meshsdk.core.linkerd.VizValues;
import io.meshsdk.core.report.Severity;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.UnknownKey;
import io.meshsdk.core.values.ValuesBuilder;
import io.meshsdk.core.values.ValuesException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mesh values}: Helm values built exactly as Helm builds them, on Linkerd's chart defaults,
 * with typo detection; or, with {@code --mesh-pods-of}, the overrides that mesh a third-party
 * chart's pods.
 */
@Command(
    name = "values",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Print Helm values on Linkerd's chart defaults, built exactly as Helm builds them.",
    description = {
      "Print chart values built as Helm builds them: the -f files merged in order, then every"
          + " --set-json, --set, --set-string, --set-file and --set-literal argument parsed into"
          + " that map (kinds in this order, arguments of a kind in the order given), then"
          + " coalesced onto the chart defaults of the Linkerd version this SDK carries. Keys"
          + " Linkerd does not know are reported on stderr (an error with --strict).",
      "",
      "With --mesh-pods-of, print instead the override values that add a pod annotation"
          + " (default linkerd.io/inject=enabled) to every podAnnotations map of a chart's values.",
      ""
    })
final class ValuesCommand implements Callable<Integer> {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand private MeshCommand parent;

  @Option(
      names = "--chart",
      paramLabel = "CHART",
      description = "linkerd-control-plane (default) or linkerd-viz.")
  private String chart;

  @Option(
      names = "--no-defaults",
      description =
          "Start from an empty map instead of the chart defaults: the raw parse, as Helm would"
              + " build it. Keys are then checked only when --chart is given.")
  private boolean noDefaults;

  @Option(names = "--ha", description = "Apply values-ha.yaml first among the -f files.")
  private boolean ha;

  @CommandLine.Mixin private ValuesLayerOptions layers = new ValuesLayerOptions();

  @Option(names = "--set-json", paramLabel = "S", description = "Helm --set-json argument.")
  private List<String> setJson = new ArrayList<>();

  @Option(names = "--set-literal", paramLabel = "S", description = "Helm --set-literal argument.")
  private List<String> setLiteral = new ArrayList<>();

  @Option(names = "--strict", description = "Fail (exit 1) when a key is not known to the chart.")
  private boolean strict;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "Output format: yaml (default) or json (one line).")
  private OutputFormat output;

  @Option(
      names = "--mesh-pods-of",
      paramLabel = "CHART_VALUES.yaml",
      description = "Print overrides that annotate every podAnnotations map of these chart values.")
  private Path meshPodsOf;

  @Option(
      names = "--annotation",
      paramLabel = "K=V",
      description =
          "Annotation for --mesh-pods-of (default linkerd.io/inject=enabled); " + "repeatable.")
  private List<String> annotations = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (meshPodsOf != null) {
      return meshPods(out, err);
    }
    if (!annotations.isEmpty()) {
      throw usage("--annotation applies only with --mesh-pods-of");
    }
    LinkerdChart target = LinkerdChart.CONTROL_PLANE;
    if (chart != null) {
      target =
          LinkerdChart.byName(chart)
              .orElseThrow(
                  () ->
                      usage(
                          "unknown --chart '"
                              + chart
                              + "': expected linkerd-control-plane or linkerd-viz"));
    }
    if (ha && target.haValues().isEmpty()) {
      throw usage("--ha applies only to linkerd-control-plane");
    }
    ValuesBuilder b = noDefaults ? ValuesBuilder.create() : target.valuesBuilder();
    if (ha) {
      b.values(target.haValues().orElseThrow());
    }
    layers.addTo(b, parent.stdin());
    setJson.forEach(a -> b.set(SetFlag.SET_JSON, a));
    setLiteral.forEach(a -> b.set(SetFlag.SET_LITERAL, a));
    LayeredValues v = b.build();

    List<String> warnings = new ArrayList<>(v.warnings());
    if (!noDefaults || chart != null) {
      List<UnknownKey> unknown = target.unknownKeys(v.userValues());
      if (strict && !unknown.isEmpty()) {
        throw new ValuesException(
            "keys unknown to "
                + target.chartName()
                + " (--strict): "
                + unknown.stream().map(ValuesCommand::describe).collect(Collectors.joining("; ")));
      }
      unknown.forEach(u -> warnings.add("warning: " + describe(u)));
    }
    if (target == LinkerdChart.VIZ && !noDefaults) {
      List<ValuesProblem> problems = VizValues.of(v.values()).validate();
      List<String> errors =
          problems.stream()
              .filter(p -> p.severity() == Severity.ERROR)
              .map(ValuesProblem::message)
              .toList();
      if (!errors.isEmpty()) {
        throw new ValuesException(String.join("; ", errors));
      }
      problems.forEach(p -> warnings.add(p.toString()));
    }
    String text = render(v.values());
    warnings.forEach(err::println);
    out.print(text);
    return MeshCommand.OK;
  }

  private int meshPods(PrintWriter out, PrintWriter err) {
    if (noDefaults
        || ha
        || chart != null
        || strict
        || !layers.isEmpty()
        || !setJson.isEmpty()
        || !setLiteral.isEmpty()) {
      throw usage("--mesh-pods-of takes only --annotation and -o");
    }
    Map<String, String> ann = new LinkedHashMap<>();
    for (String a : annotations) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw usage("--annotation '" + a + "' must be KEY=VALUE");
      }
      ann.put(a.substring(0, eq), a.substring(eq + 1));
    }
    if (ann.isEmpty()) {
      ann.put(LinkerdNames.INJECT_ANNOTATION, LinkerdNames.INJECT_ENABLED);
    }
    HelmValues chartValues = HelmValues.fromFile(meshPodsOf);
    PodAnnotationOverrides o = ChartPodAnnotations.overrides(chartValues, ann);
    if (o.paths().isEmpty() && o.keptOptOuts().isEmpty()) {
      throw new ValuesException(
          meshPodsOf + " declares no podAnnotations map: there is nothing to override");
    }
    String text = render(o.overrides());
    o.warnings().forEach(w -> err.println("warning: " + w));
    out.print(text);
    return MeshCommand.OK;
  }

  private String render(HelmValues values) {
    return output == OutputFormat.json ? values.toJson() + "\n" : values.toYaml();
  }

  private static String describe(UnknownKey u) {
    return u.describe();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
