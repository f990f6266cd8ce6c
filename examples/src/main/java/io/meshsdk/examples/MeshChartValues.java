package io.meshsdk.examples;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.linkerd.ChartPodAnnotations;
import io.meshsdk.core.linkerd.PodAnnotationOverrides;
import io.meshsdk.core.values.HelmValues;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Meshes the pods of a third-party Helm chart through its own values ({@link ChartPodAnnotations}):
 * reads the chart's {@code values.yaml} and prints override values that add {@code
 * linkerd.io/inject: enabled} to every {@code podAnnotations} map it declares (top level and nested
 * components, keeping the annotations already there), for {@code helm install -f}. An explicit
 * {@code linkerd.io/inject: disabled} is the chart's opt-out: it is kept and reported.
 *
 * <p>Replaces {@code helm template ... | linkerd inject - | kubectl apply -f -} (which leaves Helm
 * unaware of the change) or hand-written {@code --set
 * master.podAnnotations.linkerd\.io/inject=enabled} per component; the same as {@code mesh values
 * --mesh-pods-of values.yaml}.
 *
 * <pre>
 * helm show values elastic/elasticsearch &gt; es-values.yaml
 * java io.meshsdk.examples.MeshChartValues es-values.yaml &gt; mesh-overrides.yaml
 * helm install es elastic/elasticsearch -f mesh-overrides.yaml
 * </pre>
 */
public final class MeshChartValues {
  private MeshChartValues() {}

  /**
   * Runs the program and exits with its code.
   *
   * @param args {@code CHART_VALUES.yaml}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Prints the overrides on {@code out} and, on {@code err}, which maps were annotated and what was
   * left alone.
   *
   * @param args {@code CHART_VALUES.yaml}
   * @param out where the override values go (YAML)
   * @param err where the annotated paths and the warnings go
   * @return 0 when at least one map was annotated, 1 when none was or the file is unreadable, 2 on
   *     bad usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println("usage: MeshChartValues CHART_VALUES.yaml");
      return 2;
    }
    try {
      HelmValues chart = HelmValues.fromFile(Path.of(args[0]));
      PodAnnotationOverrides mesh = ChartPodAnnotations.meshOverrides(chart);
      mesh.paths().forEach(p -> err.println("meshed: " + p));
      mesh.warnings().forEach(w -> err.println("warning: " + w));
      if (mesh.paths().isEmpty()) {
        return 1; // nothing to mesh through values: inject the rendered manifests instead
      }
      out.print(mesh.overrides().toYaml());
      return 0;
    } catch (MeshException e) { // ValuesException: the file, line and column
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
