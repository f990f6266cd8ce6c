/**
 * Deeply unmodifiable trees shared by manifests, Helm values and Mesh SDK's own modules (through a
 * qualified export). Not API: it may change in any release.
 */
package io.meshsdk.core.internal.tree;
