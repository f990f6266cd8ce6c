/**
 * Mesh SDK core: the vocabulary every other module shares.
 *
 * <p>Sub-packages: {@code manifest} (lossless Kubernetes manifests), {@code values} (Helm values
 * with Helm's exact semantics), {@code linkerd} (the Linkerd values model and well-known names),
 * {@code identity} (certificates) and {@code report} (check results and their renderers). Packages
 * whose name contains {@code internal} are implementation details: do not import them.
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means.
 */
package io.meshsdk.core;
