/**
 * Linkerd health checks and pre-install checks, reported as data. Packages whose name contains
 * {@code internal} are implementation details: do not import them.
 */
package io.meshsdk.checks;
