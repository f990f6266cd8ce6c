/**
 * Mesh SDK core: the vocabulary every other module shares.
 *
 * <p>Sub-packages: {@code manifest} (lossless Kubernetes manifests), {@code values} (Helm values
 * with Helm's exact semantics), {@code linkerd} (the Linkerd values model and well-known names),
 * {@code identity} (certificates) and {@code report} (check results and their renderers). Packages
 * whose name contains {@code internal} are implementation details: do not import them.
 */
package io.meshsdk.core;
