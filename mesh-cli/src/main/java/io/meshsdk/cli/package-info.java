/**
 * The {@code mesh} command line (picocli), built on the public Mesh SDK API. Start at {@link
 * io.meshsdk.cli.MeshCommand}.
 */
package io.meshsdk.cli;
