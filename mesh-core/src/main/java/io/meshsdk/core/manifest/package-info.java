/**
 * Lossless Kubernetes manifests: read multi-document YAML and JSON into insertion-ordered generic
 * trees ({@link io.meshsdk.core.manifest.ManifestReader}, {@link
 * io.meshsdk.core.manifest.Manifest}), and write them back ({@link
 * io.meshsdk.core.manifest.ManifestWriter}) — unmodified documents byte for byte, modified ones
 * in kubectl's block style with their key order and scalar types kept.
 *
 * <p>Errors are {@link io.meshsdk.core.manifest.ManifestException}s naming the source, document,
 * line and column.
 */
package io.meshsdk.core.manifest;
