/**
 * Implementation of {@link io.meshsdk.core.identity}: ports of Go's {@code encoding/pem} and {@code
 * crypto/x509} verification rules, key parsing, certificate building with BouncyCastle, and the
 * linkerd-config reader. Not API: do not import.
 */
package io.meshsdk.core.identity.internal;
