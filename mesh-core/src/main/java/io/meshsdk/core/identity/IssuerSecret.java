package io.meshsdk.core.identity;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code linkerd-identity-issuer} Secret: its type and its decoded data.
 *
 * <p>Under scheme {@code linkerd.io/tls} the keys are {@code crt.pem} and {@code key.pem}; under
 * {@code kubernetes.io/tls} (cert-manager and other external issuers) {@code ca.crt}, {@code
 * tls.crt} and {@code tls.key}. As in Linkerd, the scheme in {@code linkerd-config} decides which
 * keys are read; the Secret's type is kept for information. Immutable and thread-safe; {@link
 * #toString()} lists key names only.
 */
public final class IssuerSecret {
  /** The Secret's name. */
  public static final String NAME = "linkerd-identity-issuer";

  private final String type;
  private final Map<String, byte[]> data;

  private IssuerSecret(String type, Map<String, byte[]> data) {
    this.type = type == null ? "" : type;
    Map<String, byte[]> copy = new LinkedHashMap<>();
    data.forEach((k, v) -> copy.put(k, v == null ? new byte[0] : v.clone()));
    this.data = Collections.unmodifiableMap(copy);
  }

  /**
   * A Secret from decoded data (what {@code V1Secret.getData()} returns).
   *
   * @param type the Secret type, e.g. {@code kubernetes.io/tls}; may be null
   * @param data the decoded data
   * @return the Secret
   */
  public static IssuerSecret of(String type, Map<String, byte[]> data) {
    return new IssuerSecret(type, data);
  }

  /**
   * A Secret from base64 data, as written in a manifest's {@code data:} field.
   *
   * @param type the Secret type; may be null
   * @param base64Data the base64-encoded data
   * @return the Secret
   * @throws IdentityException naming the key whose value is not valid base64
   */
  public static IssuerSecret fromBase64(String type, Map<String, String> base64Data) {
    Map<String, byte[]> decoded = new LinkedHashMap<>();
    base64Data.forEach(
        (k, v) -> {
          try {
            decoded.put(k, Base64.getDecoder().decode(v == null ? "" : v.replaceAll("\\s+", "")));
          } catch (IllegalArgumentException e) {
            throw new IdentityException("secret " + NAME + ": data." + k + " is not valid base64");
          }
        });
    return new IssuerSecret(type, decoded);
  }

  /**
   * The Secret type.
   *
   * @return e.g. {@code kubernetes.io/tls}; empty when unknown
   */
  public String type() {
    return type;
  }

  /**
   * The data keys.
   *
   * @return the key names, in order
   */
  public Set<String> keys() {
    return data.keySet();
  }

  /**
   * A value.
   *
   * @param key a data key, e.g. {@code crt.pem}
   * @return a copy of the decoded value, or empty when the key is missing
   */
  public Optional<byte[]> get(String key) {
    byte[] v = data.get(key);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  @Override
  public String toString() {
    return "Secret "
        + NAME
        + " (type "
        + (type.isEmpty() ? "unknown" : type)
        + ", keys "
        + data.keySet()
        + ")";
  }
}
