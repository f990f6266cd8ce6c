/**
 * Cluster access for Mesh SDK: the read-only {@link io.meshsdk.cluster.ClusterView} that checks
 * ask, answered by a live cluster through the official Kubernetes Java client or by a snapshot of
 * manifests (a {@code kubectl get -A -o yaml} dump, test fixtures, demos).
 *
 * <p>A {@code ClusterView} never writes. {@link io.meshsdk.cluster.ClusterWriter} (implemented by
 * {@link io.meshsdk.cluster.LiveCluster}) adds server-side apply with {@link
 * io.meshsdk.cluster.ApplyOptions} and reads of any object a manifest names.
 *
 * <p>Answers are the official client's model types ({@code V1Pod}, {@code V1Node}, …); custom
 * resources come back as generic trees. Failures are {@link
 * io.meshsdk.cluster.ClusterAccessException}. Packages named {@code …internal…} are implementation
 * and not part of the API.
 */
package io.meshsdk.cluster;
