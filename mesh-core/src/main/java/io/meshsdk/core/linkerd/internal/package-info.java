/**
 * Implementation of {@code io.meshsdk.core.linkerd}: loading the chart resources.
 *
 * <p>Not API: do not import. Everything here may change without notice.
 */
package io.meshsdk.core.linkerd.internal;
