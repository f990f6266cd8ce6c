package io.meshsdk.core.identity;

import io.meshsdk.core.identity.internal.ValuesReader;
import java.util.Map;

/**
 * The identity settings of the {@code linkerd-config} ConfigMap's {@code values} YAML: {@code
 * identityTrustAnchorsPEM}, {@code identityTrustDomain} and {@code identity.issuer.scheme}.
 *
 * <p>A legacy {@code global:} block (Linkerd 2.8–2.9) supplies keys missing at the top level.
 * Immutable and thread-safe.
 */
public final class LinkerdIdentityConfig {
  /** The ConfigMap's name. */
  public static final String CONFIG_MAP = "linkerd-config";

  /** Scheme of an issuer Secret that Linkerd manages ({@code crt.pem}, {@code key.pem}). */
  public static final String SCHEME_LINKERD = "linkerd.io/tls";

  /** Scheme of an external issuer Secret ({@code ca.crt}, {@code tls.crt}, {@code tls.key}). */
  public static final String SCHEME_KUBERNETES = "kubernetes.io/tls";

  private final String trustAnchorsPem;
  private final String trustDomain;
  private final String issuerScheme;

  private LinkerdIdentityConfig(String trustAnchorsPem, String trustDomain, String issuerScheme) {
    this.trustAnchorsPem = trustAnchorsPem;
    this.trustDomain = trustDomain;
    this.issuerScheme = issuerScheme;
  }

  /**
   * Parses the {@code values} text of {@code linkerd-config}.
   *
   * @param valuesYaml the YAML text
   * @return the settings; missing keys read as empty strings
   * @throws IdentityException when the text is not YAML, not a mapping, or a field has the wrong
   *     type (naming the field and, for syntax errors, the line)
   */
  public static LinkerdIdentityConfig parse(String valuesYaml) {
    Map<String, Object> values = ValuesReader.read(valuesYaml, CONFIG_MAP + " values");
    return new LinkerdIdentityConfig(
        ValuesReader.string(values, CONFIG_MAP + " values", "identityTrustAnchorsPEM"),
        ValuesReader.string(values, CONFIG_MAP + " values", "identityTrustDomain"),
        ValuesReader.string(values, CONFIG_MAP + " values", "identity", "issuer", "scheme"));
  }

  /**
   * {@code identityTrustAnchorsPEM}, exactly as stored (no trimming: Linkerd does not trim).
   *
   * @return the anchors PEM, or empty
   */
  public String trustAnchorsPem() {
    return trustAnchorsPem;
  }

  /**
   * {@code identityTrustDomain}.
   *
   * @return e.g. {@code cluster.local}, or empty
   */
  public String trustDomain() {
    return trustDomain;
  }

  /**
   * {@code identity.issuer.scheme}; empty (also for a YAML null) means {@link #SCHEME_LINKERD}.
   *
   * @return the scheme as written, or empty
   */
  public String issuerScheme() {
    return issuerScheme;
  }

  /**
   * Whether the issuer is external ({@code kubernetes.io/tls}), i.e. anything but empty or {@link
   * #SCHEME_LINKERD}.
   *
   * @return true for an external issuer
   */
  public boolean externalIssuer() {
    return !issuerScheme.isEmpty() && !issuerScheme.equals(SCHEME_LINKERD);
  }

  @Override
  public String toString() {
    return "LinkerdIdentityConfig[scheme="
        + (issuerScheme.isEmpty() ? "(empty)" : issuerScheme)
        + ", trustDomain="
        + trustDomain
        + ", anchorsPem="
        + trustAnchorsPem.length()
        + " chars]";
  }
}
