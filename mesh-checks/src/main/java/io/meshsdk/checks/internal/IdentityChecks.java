package io.meshsdk.checks.internal;

import static io.meshsdk.checks.CheckCategory.LINKERD_IDENTITY;
import static io.meshsdk.checks.CheckCategory.LINKERD_IDENTITY_DATA_PLANE;
import static io.meshsdk.checks.CheckCategory.LINKERD_WEBHOOKS_AND_APISVC_TLS;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.meshsdk.checks.CheckCategory;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.MeshException;
import io.meshsdk.core.identity.IdentityCheck;
import io.meshsdk.core.identity.IdentityMaterial;
import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.identity.IssuerSecret;
import io.meshsdk.core.identity.WebhookTarget;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** linkerd-identity, linkerd-webhooks-and-apisvc-tls, linkerd-identity-data-plane. */
final class IdentityChecks {
  static final String TRUST_ANCHORS_ENV = "LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS";

  private IdentityChecks() {}

  static void add(Catalog c, Settings s) {
    for (IdentityCheck ic : IdentityCheck.values()) {
      CheckBody body =
          ic == IdentityCheck.CERTIFICATE_CONFIG
              ? ctx -> material(ctx)
              : ctx -> {
                IdentityMaterial m = material(ctx);
                CheckResult r =
                    validator(ctx).validate(IdentitySource.of(m), EnumSet.of(ic)).results().get(0);
                if (r.isFailure()) {
                  throw new Fail(r.message().orElse(""));
                }
              };
      c.add(
          LINKERD_IDENTITY,
          ic.description(s.certificateHorizon()),
          ic.hintAnchor(),
          ic.severity(),
          body);
    }

    webhook(
        c,
        s,
        "proxy-injector",
        WebhookTarget.proxyInjector(s.controlPlaneNamespace()),
        false,
        ResourceKind.MUTATING_WEBHOOK_CONFIGURATIONS,
        "linkerd-proxy-injector-webhook-config",
        "linkerd-proxy-injector-tls");
    webhook(
        c,
        s,
        "sp-validator",
        WebhookTarget.spValidator(s.controlPlaneNamespace()),
        false,
        ResourceKind.VALIDATING_WEBHOOK_CONFIGURATIONS,
        "linkerd-sp-validator-webhook-config",
        "linkerd-sp-validator-tls");
    webhook(
        c,
        s,
        "policy-validator",
        WebhookTarget.policyValidator(s.controlPlaneNamespace()),
        true,
        ResourceKind.VALIDATING_WEBHOOK_CONFIGURATIONS,
        "linkerd-policy-validator-webhook-config",
        null);

    c.add(
        LINKERD_IDENTITY_DATA_PLANE,
        "data plane proxies certificate match CA",
        "l5d-identity-data-plane-proxies-certs-match-ca",
        Severity.WARNING,
        ctx -> {
          Optional<String> ns = ctx.settings().dataPlaneNamespace();
          trustBundleMatches(ctx, ctx.pods(ns, LinkerdNames.CONTROL_PLANE_NS_LABEL), ns);
        });
  }

  static IdentityValidator validator(RunContext ctx) {
    return ctx.memo(
        "identity-validator",
        () ->
            IdentityValidator.builder(ctx.settings().clock())
                .horizon(ctx.settings().certificateHorizon())
                .hintBase(ctx.settings().hintBase())
                .build());
  }

  static IdentityMaterial material(RunContext ctx) {
    return ctx.memo(
        "identity-material",
        () -> {
          Optional<V1ConfigMap> cm = ctx.linkerdConfigMap();
          String values = null;
          if (cm.isPresent()) {
            values =
                cm.get().getData() == null ? "" : cm.get().getData().getOrDefault("values", "");
            if (ctx.configValuesRaw().contains("global")) {
              values = ctx.configValuesRaw().toYaml();
            }
          }
          IssuerSecret secret =
              ctx.get(ResourceKind.SECRETS, ctx.cpns(), IssuerSecret.NAME)
                  .map(IdentityChecks::issuerSecret)
                  .orElse(null);
          try {
            return IdentitySource.ofLinkerdConfig(values, secret).load();
          } catch (MeshException e) {
            throw new Fail(e.getMessage());
          }
        });
  }

  private static IssuerSecret issuerSecret(V1Secret s) {
    return IssuerSecret.of(s.getType(), s.getData() == null ? Map.of() : s.getData());
  }

  private static void webhook(
      Catalog c,
      Settings s,
      String name,
      WebhookTarget target,
      boolean skipWhenAbsent,
      ResourceKind<?> configKind,
      String configName,
      String legacySecret) {
    CheckCategory cat = LINKERD_WEBHOOKS_AND_APISVC_TLS;
    c.add(
        cat,
        target.validDescription(),
        target.validHintAnchor(),
        Severity.FATAL,
        ctx ->
            outcome(
                webhookResults(
                    ctx, name, target, skipWhenAbsent, configKind, configName, legacySecret),
                0));
    c.add(
        cat,
        target.expiryDescription(s.certificateHorizon()),
        target.expiryHintAnchor(),
        Severity.WARNING,
        ctx ->
            outcome(
                webhookResults(
                    ctx, name, target, skipWhenAbsent, configKind, configName, legacySecret),
                1));
  }

  static void outcome(List<CheckResult> results, int index) {
    CheckResult r = results.get(Math.min(index, results.size() - 1));
    if (r.isFailure()) {
      throw new Fail(r.message().orElse(""));
    }
  }

  private static List<CheckResult> webhookResults(
      RunContext ctx,
      String name,
      WebhookTarget target,
      boolean skipWhenAbsent,
      ResourceKind<?> configKind,
      String configName,
      String legacySecret) {
    return ctx.memo(
        "webhook-" + name,
        () -> {
          Optional<V1Secret> secret =
              ctx.get(ResourceKind.SECRETS, ctx.cpns(), "linkerd-" + name + "-k8s-tls");
          String crtKey = "tls.crt";
          String keyKey = "tls.key";
          if (secret.isEmpty() && legacySecret != null) {
            secret = ctx.get(ResourceKind.SECRETS, ctx.cpns(), legacySecret);
            crtKey = "crt.pem";
            keyKey = "key.pem";
            if (secret.isEmpty()) {
              throw new Fail("secrets \"" + legacySecret + "\" not found");
            }
          }
          if (secret.isEmpty()) {
            if (skipWhenAbsent) {
              throw new Skip("no " + name + " secret");
            }
            throw new Fail("secrets \"linkerd-" + name + "-k8s-tls\" not found");
          }
          byte[] caBundle = caBundle(ctx, configKind, configName, skipWhenAbsent);
          Map<String, byte[]> data =
              secret.get().getData() == null ? Map.of() : secret.get().getData();
          return validator(ctx)
              .validateWebhook(
                  target, text(caBundle), text(data.get(crtKey)), text(data.get(keyKey)));
        });
  }

  private static byte[] caBundle(
      RunContext ctx, ResourceKind<?> kind, String name, boolean skipWhenAbsent) {
    List<byte[]> bundles = new ArrayList<>();
    if (kind == ResourceKind.MUTATING_WEBHOOK_CONFIGURATIONS) {
      var mwc =
          ctx.get(ResourceKind.MUTATING_WEBHOOK_CONFIGURATIONS, name)
              .orElseThrow(
                  () ->
                      new Fail(
                          "mutatingwebhookconfigurations.admissionregistration.k8s.io \""
                              + name
                              + "\" not found"));
      for (var w :
          mwc.getWebhooks() == null
              ? List.<io.kubernetes.client.openapi.models.V1MutatingWebhook>of()
              : mwc.getWebhooks()) {
        bundles.add(w.getClientConfig() == null ? null : w.getClientConfig().getCaBundle());
      }
    } else {
      var vwc = ctx.get(ResourceKind.VALIDATING_WEBHOOK_CONFIGURATIONS, name);
      if (vwc.isEmpty()) {
        if (skipWhenAbsent) {
          throw new Skip("no " + name);
        }
        throw new Fail(
            "validatingwebhookconfigurations.admissionregistration.k8s.io \""
                + name
                + "\" not found");
      }
      for (var w :
          vwc.get().getWebhooks() == null
              ? List.<io.kubernetes.client.openapi.models.V1ValidatingWebhook>of()
              : vwc.get().getWebhooks()) {
        bundles.add(w.getClientConfig() == null ? null : w.getClientConfig().getCaBundle());
      }
    }
    if (bundles.size() != 1) {
      throw new Fail("expected 1 webhooks, found " + bundles.size());
    }
    return bundles.get(0);
  }

  static String text(byte[] b) {
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  /** Linkerd's trust-bundle comparison (§2.5); pods in the control-plane namespace are skipped. */
  static void trustBundleMatches(RunContext ctx, List<V1Pod> pods, Optional<String> namespace) {
    V1ConfigMap roots =
        ctx.get(ResourceKind.CONFIG_MAPS, ctx.cpns(), LinkerdNames.TRUST_ROOTS_CONFIG_MAP)
            .orElseThrow(
                () ->
                    new Fail(
                        "configmaps \"" + LinkerdNames.TRUST_ROOTS_CONFIG_MAP + "\" not found"));
    String bundle =
        roots.getData() == null ? "" : roots.getData().getOrDefault("ca-bundle.crt", "");
    List<String> offending = new ArrayList<>();
    for (V1Pod pod : pods) {
      if (ctx.cpns().equals(RunContext.namespaceOf(pod))) {
        continue;
      }
      for (V1Container c : Pods.allContainers(pod)) {
        if (!LinkerdNames.PROXY_CONTAINER.equals(c.getName()) || c.getEnv() == null) {
          continue;
        }
        for (V1EnvVar env : c.getEnv()) {
          if (!TRUST_ANCHORS_ENV.equals(env.getName())) {
            continue;
          }
          String v = env.getValue() == null ? "" : env.getValue();
          if (!v.strip().equals(bundle.strip())) {
            offending.add(
                namespace.isEmpty()
                    ? "* " + RunContext.namespaceOf(pod) + "/" + RunContext.name(pod)
                    : "* " + RunContext.name(pod));
          }
        }
      }
    }
    if (!offending.isEmpty()) {
      throw new Fail(
          "Some pods do not have the current trust bundle and must be restarted:\n\t"
              + String.join("\n\t", offending));
    }
  }
}
