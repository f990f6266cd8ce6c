package io.meshsdk.core.values;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ValuesBuilder} produces: the user map (the {@code -f} files merged and every {@code
 * --set*} argument parsed into it, before any chart defaults), the final values (the user map
 * coalesced onto the chart defaults, or the user map itself when there are none), Helm's coalescing
 * warnings, and the user map's keys the chart does not know. Immutable and thread-safe.
 *
 * @param values the final values
 * @param userValues the user map alone, as Helm builds it before coalescing
 * @param warnings warnings from coalescing (empty when there were no defaults)
 * @param unknownKeys keys of the user map the builder's key schema does not know, each with the
 *     closest known key (empty without a key schema)
 */
public record LayeredValues(
    HelmValues values, HelmValues userValues, List<String> warnings, List<UnknownKey> unknownKeys) {
  /**
   * Creates a result.
   *
   * @param values the final values
   * @param userValues the user map
   * @param warnings the warnings
   * @param unknownKeys the unknown keys
   */
  public LayeredValues {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(userValues, "userValues");
    warnings = List.copyOf(warnings);
    unknownKeys = List.copyOf(unknownKeys);
  }

  /**
   * Creates a result without key findings.
   *
   * @param values the final values
   * @param userValues the user map
   * @param warnings the warnings
   */
  public LayeredValues(HelmValues values, HelmValues userValues, List<String> warnings) {
    this(values, userValues, warnings, List.of());
  }
}
