/**
 * Implementation of {@code io.meshsdk.core.manifest}: the document splitter, the tree builder, the
 * YAML and JSON emitters and the frozen collections.
 *
 * <p>Not API: do not import. Anything here may change without notice.
 */
package io.meshsdk.core.manifest.internal;
