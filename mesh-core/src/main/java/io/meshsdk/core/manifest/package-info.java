/**
 * Lossless Kubernetes manifests: read multi-document YAML and JSON into insertion-ordered generic
 * trees ({@link io.meshsdk.core.manifest.ManifestReader}, {@link
 * io.meshsdk.core.manifest.Manifest}), and write them back ({@link
 * io.meshsdk.core.manifest.ManifestWriter}) — unmodified documents byte for byte, modified ones in
 * kubectl's block style with their key order and scalar types kept.
 *
 * <p>Errors are {@link io.meshsdk.core.manifest.ManifestException}s naming the source, document,
 * line and column.
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means. A YAML {@code null} inside a document's tree is data, not
 * absence: it stays a null node.
 */
package io.meshsdk.core.manifest;
