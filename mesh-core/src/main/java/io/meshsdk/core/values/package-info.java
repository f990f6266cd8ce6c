/**
 * Helm values with Helm's exact semantics.
 *
 * <ul>
 *   <li>{@link io.meshsdk.core.values.HelmValues}: the immutable values tree, typed getters by
 *       dotted path, {@code with}/{@code without}, Helm's {@code -f} merge and {@code
 *       CoalesceValues}, YAML and JSON output;
 *   <li>{@link io.meshsdk.core.values.SetFlag}: the {@code --set}, {@code --set-string}, {@code
 *       --set-file}, {@code --set-json} and {@code --set-literal} parsers of Helm v3.21's {@code
 *       strvals};
 *   <li>{@link io.meshsdk.core.values.ValuesBuilder}: the user map built from {@code -f} files and
 *       {@code --set*} arguments in Helm's layer order, then coalesced onto {@link
 *       io.meshsdk.core.values.ChartDefaults};
 *   <li>{@link io.meshsdk.core.values.KeySchema}: unknown-key detection with "did you mean"
 *       suggestions, which Helm lacks.
 * </ul>
 *
 * <p>All errors are {@link io.meshsdk.core.values.ValuesException}s with one-line messages naming
 * the source (file, line and column; flag, argument and character position; or path).
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means. A Helm {@code null} inside a values tree is data (it deletes
 * a default when coalescing), not absence.
 */
package io.meshsdk.core.values;
