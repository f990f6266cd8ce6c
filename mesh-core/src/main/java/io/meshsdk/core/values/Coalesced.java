package io.meshsdk.core.values;

import java.util.List;
import java.util.Objects;

/**
 * The result of coalescing user values onto chart defaults: the values and the warnings Helm prints
 * while coalescing (type conflicts such as {@code warning: cannot overwrite table with non table
 * for proxy.resources (map[cpu:map[limit: request:]])}). Immutable and thread-safe.
 *
 * @param values the coalesced values
 * @param warnings Helm's warning lines, in the order they arose
 */
public record Coalesced(HelmValues values, List<String> warnings) {
  /**
   * Creates a result.
   *
   * @param values the coalesced values
   * @param warnings the warning lines
   */
  public Coalesced {
    Objects.requireNonNull(values, "values");
    warnings = List.copyOf(warnings);
  }
}
