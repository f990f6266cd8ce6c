/**
 * Linkerd identity certificates: reading, validating and creating them.
 *
 * <ul>
 *   <li>{@link io.meshsdk.core.identity.Pem}: PEM certificates and keys (SEC1, PKCS#1, PKCS#8),
 *       read with Linkerd's quirks or strictly from files, and written.
 *   <li>{@link io.meshsdk.core.identity.IdentityValidator}: the eight {@code linkerd-identity}
 *       checks, with Linkerd's descriptions, hint anchors, severities and messages, and the webhook
 *       certificate checks ({@link io.meshsdk.core.identity.WebhookTarget}). Input comes from an
 *       {@link io.meshsdk.core.identity.IdentitySource}: PEM text, files, or the {@code
 *       linkerd-config} values plus the {@code linkerd-identity-issuer} Secret.
 *   <li>{@link io.meshsdk.core.identity.CertificateAuthority}: trust anchors, issuers and rotation
 *       plans, created with BouncyCastle.
 * </ul>
 *
 * <p>Time always comes from an injected {@link java.time.Clock}. Private keys never appear in
 * exception messages, logs or {@code toString()}. Every public type is immutable or stateless and
 * thread-safe, except builders.
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means.
 */
package io.meshsdk.core.identity;
