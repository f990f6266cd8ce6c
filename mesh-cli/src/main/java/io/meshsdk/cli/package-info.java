/**
 * The {@code mesh} command line (picocli), built on the public Mesh SDK API. Start at {@link
 * io.meshsdk.cli.MeshCommand}.
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means.
 */
package io.meshsdk.cli;
