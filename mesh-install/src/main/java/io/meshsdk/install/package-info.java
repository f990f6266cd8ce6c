/**
 * Renders Helm charts, Linkerd's first, in-process with real Helm (helm-java, native Helm through
 * JNA): {@link io.meshsdk.install.ChartSource} says where a chart is, {@link
 * io.meshsdk.install.ChartRenderer} turns it into manifests in Helm's install order, and {@link
 * io.meshsdk.install.LinkerdInstall} builds the values of a Linkerd install (CRDs, control plane,
 * viz) with its identity material.
 *
 * <p>This module is optional: it brings a ~28 MB native jar whose ~95 MB shared library is unpacked
 * into {@code java.io.tmpdir} once per JVM. mesh-core stays free of native code.
 */
package io.meshsdk.install;
