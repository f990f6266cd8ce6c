package io.meshsdk.core.values;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ValuesBuilder} produces: the user map (the {@code -f} files merged and every {@code
 * --set*} argument parsed into it, before any chart defaults), the final values (the user map
 * coalesced onto the chart defaults, or the user map itself when there are none), and Helm's
 * coalescing warnings. Immutable and thread-safe.
 *
 * @param values the final values
 * @param userValues the user map alone, as Helm builds it before coalescing
 * @param warnings warnings from coalescing (empty when there were no defaults)
 */
public record LayeredValues(HelmValues values, HelmValues userValues, List<String> warnings) {
  /**
   * Creates a result.
   *
   * @param values the final values
   * @param userValues the user map
   * @param warnings the warnings
   */
  public LayeredValues {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(userValues, "userValues");
    warnings = List.copyOf(warnings);
  }
}
