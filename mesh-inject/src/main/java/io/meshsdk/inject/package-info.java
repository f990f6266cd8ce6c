/**
 * Linkerd proxy injection and uninjection of Kubernetes manifests: {@code Injector}, {@code
 * Uninjector} and their reports. Packages whose name contains {@code internal} are implementation
 * details: do not import them.
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means.
 */
package io.meshsdk.inject;
