package io.meshsdk.core.identity;

import java.util.Objects;

/**
 * A TLS server whose certificate Linkerd checks against a CA bundle: a webhook (category {@code
 * linkerd-webhooks-and-apisvc-tls}) or the viz tap API service (category {@code linkerd-viz}).
 *
 * <p>Each target has two checks: "… has valid cert" (fatal) and "… is valid for at least 60 days"
 * (warning), with Linkerd's descriptions and hint anchors. Immutable and thread-safe.
 */
public final class WebhookTarget {
  /** The category of the control-plane webhook checks. */
  public static final String WEBHOOKS_CATEGORY = "linkerd-webhooks-and-apisvc-tls";

  /** The category of the viz checks, which holds the tap checks. */
  public static final String VIZ_CATEGORY = "linkerd-viz";

  private final String category;
  private final String validDescription;
  private final String validAnchor;
  private final String expirySubject;
  private final String expiryAnchor;
  private final String dnsName;

  private WebhookTarget(
      String category,
      String validDescription,
      String validAnchor,
      String expirySubject,
      String expiryAnchor,
      String dnsName) {
    this.category = Objects.requireNonNull(category);
    this.validDescription = Objects.requireNonNull(validDescription);
    this.validAnchor = Objects.requireNonNull(validAnchor);
    this.expirySubject = Objects.requireNonNull(expirySubject);
    this.expiryAnchor = Objects.requireNonNull(expiryAnchor);
    this.dnsName = Objects.requireNonNull(dnsName);
  }

  /**
   * The proxy injector: "proxy-injector webhook has valid cert", SAN {@code
   * linkerd-proxy-injector.<ns>.svc}.
   *
   * @param controlPlaneNamespace e.g. {@code linkerd}
   * @return the target
   */
  public static WebhookTarget proxyInjector(String controlPlaneNamespace) {
    return webhook("proxy-injector", controlPlaneNamespace);
  }

  /**
   * The service-profile validator: "sp-validator webhook has valid cert", SAN {@code
   * linkerd-sp-validator.<ns>.svc}.
   *
   * @param controlPlaneNamespace e.g. {@code linkerd}
   * @return the target
   */
  public static WebhookTarget spValidator(String controlPlaneNamespace) {
    return webhook("sp-validator", controlPlaneNamespace);
  }

  /**
   * The policy validator: "policy-validator webhook has valid cert", SAN {@code
   * linkerd-policy-validator.<ns>.svc}.
   *
   * @param controlPlaneNamespace e.g. {@code linkerd}
   * @return the target
   */
  public static WebhookTarget policyValidator(String controlPlaneNamespace) {
    return webhook("policy-validator", controlPlaneNamespace);
  }

  /**
   * The viz tap API server: "tap API server has valid cert", SAN {@code tap.<ns>.svc}.
   *
   * @param vizNamespace e.g. {@code linkerd-viz}
   * @return the target
   */
  public static WebhookTarget tap(String vizNamespace) {
    return new WebhookTarget(
        VIZ_CATEGORY,
        "tap API server has valid cert",
        "l5d-tap-cert-valid",
        "tap API server cert",
        "l5d-tap-cert-not-expiring-soon",
        "tap." + vizNamespace + ".svc");
  }

  /**
   * Any other TLS server.
   *
   * @param category the category ID of its checks
   * @param validDescription e.g. {@code my-webhook has valid cert}
   * @param validAnchor hint anchor of that check
   * @param expirySubject the subject of the expiry description, e.g. {@code my-webhook cert} (the
   *     description becomes "my-webhook cert is valid for at least 60 days")
   * @param expiryAnchor hint anchor of the expiry check
   * @param dnsName the name the certificate must carry as a SAN, e.g. {@code svc.ns.svc}
   * @return the target
   */
  public static WebhookTarget of(
      String category,
      String validDescription,
      String validAnchor,
      String expirySubject,
      String expiryAnchor,
      String dnsName) {
    return new WebhookTarget(
        category, validDescription, validAnchor, expirySubject, expiryAnchor, dnsName);
  }

  private static WebhookTarget webhook(String name, String namespace) {
    return new WebhookTarget(
        WEBHOOKS_CATEGORY,
        name + " webhook has valid cert",
        "l5d-" + name + "-webhook-cert-valid",
        name + " cert",
        "l5d-" + name + "-webhook-cert-not-expiring-soon",
        "linkerd-" + name + "." + namespace + ".svc");
  }

  /**
   * The category ID.
   *
   * @return e.g. {@code linkerd-webhooks-and-apisvc-tls}
   */
  public String category() {
    return category;
  }

  /**
   * The description of the validity check.
   *
   * @return e.g. {@code proxy-injector webhook has valid cert}
   */
  public String validDescription() {
    return validDescription;
  }

  /**
   * The hint anchor of the validity check.
   *
   * @return e.g. {@code l5d-proxy-injector-webhook-cert-valid}
   */
  public String validHintAnchor() {
    return validAnchor;
  }

  /**
   * The description of the expiry check for a horizon.
   *
   * @param horizon the expiry horizon
   * @return e.g. {@code proxy-injector cert is valid for at least 60 days}
   */
  public String expiryDescription(java.time.Duration horizon) {
    return expirySubject + " is valid for at least " + Durations.describe(horizon);
  }

  /**
   * The hint anchor of the expiry check.
   *
   * @return e.g. {@code l5d-proxy-injector-webhook-cert-not-expiring-soon}
   */
  public String expiryHintAnchor() {
    return expiryAnchor;
  }

  /**
   * The DNS name the certificate must carry.
   *
   * @return e.g. {@code linkerd-proxy-injector.linkerd.svc}
   */
  public String dnsName() {
    return dnsName;
  }

  @Override
  public String toString() {
    return "WebhookTarget[" + dnsName + "]";
  }
}
