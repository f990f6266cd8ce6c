/**
 * Implementation shared by Mesh SDK's own modules (Go text formats and the like). Not API: do not
 * import it; it may change in any release.
 */
package io.meshsdk.core.internal;
