/**
 * Linkerd proxy injection and uninjection of Kubernetes manifests: {@code Injector}, {@code
 * Uninjector} and their reports. Packages whose name contains {@code internal} are implementation
 * details: do not import them.
 */
package io.meshsdk.inject;
