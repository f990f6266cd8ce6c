/**
 * Implementation of {@code io.meshsdk.core.values}: the strvals parsers, Helm's merge and coalesce,
 * the YAML and JSON codecs and tree helpers.
 *
 * <p>Not API: do not import. Everything here may change without notice.
 */
package io.meshsdk.core.values.internal;
