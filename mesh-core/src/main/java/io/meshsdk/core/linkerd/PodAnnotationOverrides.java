package io.meshsdk.core.linkerd;

import io.meshsdk.core.values.HelmValues;
import java.util.List;
import java.util.Objects;

/**
 * Override values that put pod annotations into every {@code podAnnotations} map a chart declares,
 * with where they go and what could not be done. Immutable.
 *
 * @param overrides the values to pass to Helm ({@code -f}), holding only the changed maps (and
 *     whole lists where an annotated map sits inside a list, since Helm replaces lists)
 * @param paths the dotted paths of the {@code podAnnotations} maps that were annotated
 * @param warnings one line per thing left alone, kept or replaced
 * @param keptOptOuts the dotted paths of the {@code podAnnotations} maps whose explicit {@code
 *     linkerd.io/inject: disabled} was kept instead of being replaced
 */
public record PodAnnotationOverrides(
    HelmValues overrides, List<String> paths, List<String> warnings, List<String> keptOptOuts) {
  /**
   * Creates a result.
   *
   * @param overrides the override values
   * @param paths the annotated maps
   * @param warnings the warnings
   * @param keptOptOuts the maps whose opt-out was kept
   */
  public PodAnnotationOverrides {
    Objects.requireNonNull(overrides, "overrides");
    paths = List.copyOf(paths);
    warnings = List.copyOf(warnings);
    keptOptOuts = List.copyOf(keptOptOuts);
  }
}
