package io.meshsdk.checks;

import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.CertificateSpec;
import io.meshsdk.core.identity.IssuedCertificate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Builds the manifests of a healthy cluster with Linkerd (and optionally viz) installed: every
 * object the core, {@code --proxy} and viz checks read, with fresh certificates, {@code nodes}
 * nodes and {@code pods} injected pods spread over ten namespaces. For tests and benchmarks.
 */
public final class HealthyCluster {
  /** The instant the certificates and node heartbeats are made for. */
  public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static final String CLI = MeshSdk.linkerdVersion();

  private final StringBuilder y = new StringBuilder();
  private final String anchorPem;
  private final IssuedCertificate issuer;
  private final CertificateAuthority ca;
  private final IssuedCertificate webhookCa;
  private int ip = 10;

  private HealthyCluster() {
    ca = CertificateAuthority.create(Clock.fixed(NOW, ZoneOffset.UTC));
    IssuedCertificate anchor = ca.createTrustAnchor();
    anchorPem = anchor.certificatePem();
    issuer = ca.createIssuer(anchor);
    webhookCa = ca.createTrustAnchor(Duration.ofDays(3650), "webhook.linkerd.cluster.local");
  }

  /**
   * The manifests.
   *
   * @param nodes how many nodes
   * @param pods how many injected pods
   * @param viz whether viz is installed (labelled namespace {@code linkerd-viz})
   * @param otherExtensions further {@code linkerd.io/extension} values to label namespaces with
   * @return multi-document YAML
   */
  public static String yaml(int nodes, int pods, boolean viz, String... otherExtensions) {
    HealthyCluster c = new HealthyCluster();
    c.core();
    for (int i = 0; i < nodes; i++) {
      c.node(i);
    }
    for (int n = 0; n < 10; n++) {
      c.doc("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app-" + n + "\n");
      c.doc(
          "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: app-"
              + n
              + "\nspec:\n  clusterIP: 10.96.0."
              + (n + 10)
              + "\n  selector:\n    app: web\n"
              + "  ports:\n  - port: 80\n    targetPort: 8080\n");
      c.doc(
          "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: web\n  namespace: app-"
              + n
              + "\nsubsets: []\n");
    }
    for (int i = 0; i < pods; i++) {
      c.pod("app-" + (i % 10), "web-5f79ff4844-p" + i, null, "app: web", true);
    }
    if (viz) {
      c.viz();
    }
    for (String ext : otherExtensions) {
      c.doc(
          "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: linkerd-"
              + ext
              + "\n  labels:\n    linkerd.io/extension: "
              + ext
              + "\n");
    }
    return c.y.toString();
  }

  private void doc(String text) {
    y.append("---\n").append(text);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return pad + text.strip().replace("\n", "\n" + pad) + "\n";
  }

  private void crd(String name, String version) {
    String plural = name.substring(0, name.indexOf('.'));
    String group = name.substring(name.indexOf('.') + 1);
    doc(
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: "
            + name
            + "\n  labels:\n    linkerd.io/control-plane-ns: linkerd\nspec:\n  group: "
            + group
            + "\n  names:\n    plural: "
            + plural
            + "\n    kind: K"
            + plural
            + "\n  scope: Namespaced\n"
            + "  versions:\n  - name: "
            + version
            + "\n    served: true\n    storage: true\n");
  }

  private void labelled(String apiVersion, String kind, String name, String namespace) {
    doc(
        "apiVersion: "
            + apiVersion
            + "\nkind: "
            + kind
            + "\nmetadata:\n  name: "
            + name
            + (namespace == null ? "" : "\n  namespace: " + namespace)
            + "\n  labels:\n    linkerd.io/control-plane-ns: linkerd\n");
  }

  private String tlsSecret(String name, String namespace, String dnsName) {
    IssuedCertificate leaf =
        ca.issue(
            CertificateSpec.builder(dnsName)
                .leaf()
                .extendedKeyUsages(CertificateSpec.SERVER_AUTH)
                .dnsNames(dnsName)
                .build(),
            webhookCa);
    doc(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
            + name
            + "\n  namespace: "
            + namespace
            + "\ntype: kubernetes.io/tls\ndata:\n  tls.crt: "
            + b64(leaf.certificatePem())
            + "\n  tls.key: "
            + b64(leaf.privateKeyPem())
            + "\n");
    return b64(webhookCa.certificatePem());
  }

  private void webhook(String kind, String name, String service) {
    String bundle = tlsSecret(service + "-k8s-tls", "linkerd", service + ".linkerd.svc");
    doc(
        "apiVersion: admissionregistration.k8s.io/v1\nkind: "
            + kind
            + "\nmetadata:\n  name: "
            + name
            + "\n  labels:\n    linkerd.io/control-plane-ns: linkerd\nwebhooks:\n"
            + "- name: "
            + service
            + ".linkerd.io\n  clientConfig:\n    caBundle: "
            + bundle
            + "\n"
            + "  admissionReviewVersions: [v1]\n  sideEffects: None\n");
  }

  private void core() {
    doc(
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
            + "  name: httproutes.gateway.networking.k8s.io\nspec:\n  group: gateway.networking.k8s.io\n"
            + "  names:\n    plural: httproutes\n    kind: HTTPRoute\n  scope: Namespaced\n"
            + "  versions:\n  - name: v1\n    served: true\n    storage: true\n");
    for (ExpectedCrd crd : ExpectedCrd.linkerd()) {
      crd(crd.name(), crd.version());
    }
    doc(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: linkerd\n  labels:\n"
            + "    linkerd.io/is-control-plane: \"true\"\n");
    String rbac = "rbac.authorization.k8s.io/v1";
    for (String n :
        new String[] {
          "linkerd-linkerd-identity",
          "linkerd-linkerd-proxy-injector",
          "linkerd-linkerd-destination"
        }) {
      labelled(rbac, "ClusterRole", n, null);
      labelled(rbac, "ClusterRoleBinding", n, null);
    }
    for (String sa :
        new String[] {
          "linkerd-destination", "linkerd-identity", "linkerd-proxy-injector", "linkerd-heartbeat"
        }) {
      labelled("v1", "ServiceAccount", sa, "linkerd");
    }
    webhook(
        "MutatingWebhookConfiguration",
        "linkerd-proxy-injector-webhook-config",
        "linkerd-proxy-injector");
    webhook(
        "ValidatingWebhookConfiguration",
        "linkerd-sp-validator-webhook-config",
        "linkerd-sp-validator");
    webhook(
        "ValidatingWebhookConfiguration",
        "linkerd-policy-validator-webhook-config",
        "linkerd-policy-validator");
    doc(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: linkerd-config\n  namespace: linkerd\n"
            + "  labels:\n    linkerd.io/control-plane-ns: linkerd\ndata:\n  values: |\n"
            + "    linkerdVersion: "
            + CLI
            + "\n    identityTrustDomain: cluster.local\n"
            + "    identity:\n      issuer:\n        scheme: linkerd.io/tls\n"
            + "    identityTrustAnchorsPEM: |\n"
            + indent(anchorPem, 6));
    doc(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: linkerd-identity-issuer\n"
            + "  namespace: linkerd\ndata:\n  crt.pem: "
            + b64(issuer.certificatePem())
            + "\n  key.pem: "
            + b64(issuer.privateKeyPem())
            + "\n");
    doc(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: linkerd-identity-trust-roots\n"
            + "  namespace: linkerd\ndata:\n  ca-bundle.crt: |\n"
            + indent(anchorPem, 4));
    for (String component : new String[] {"destination", "identity", "proxy-injector"}) {
      pod("linkerd", "linkerd-" + component + "-5f79ff4844-abcde", component, null, false);
    }
  }

  private void node(int i) {
    doc(
        "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-"
            + i
            + "\nspec:\n  podCIDR: 10.244."
            + (i % 250)
            + ".0/24\nstatus:\n  conditions:\n  - type: Ready\n    status: \"True\"\n"
            + "    lastHeartbeatTime: \""
            + NOW
            + "\"\n  nodeInfo:\n"
            + "    containerRuntimeVersion: containerd://1.7.2\n");
  }

  private void pod(
      String namespace, String name, String component, String extraLabels, boolean literalAnchors) {
    int n = ip++;
    String labels =
        "    linkerd.io/control-plane-ns: linkerd\n"
            + (component == null
                ? ""
                : "    linkerd.io/control-plane-component: "
                    + component
                    + "\n"
                    + "    component: "
                    + component
                    + "\n")
            + (extraLabels == null ? "" : "    " + extraLabels.replace("\n", "\n    ") + "\n");
    String env =
        literalAnchors
            ? "    env:\n    - name: LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS\n      value: |\n"
                + indent(anchorPem, 8)
            : "";
    doc(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: "
            + name
            + "\n  namespace: "
            + namespace
            + "\n  labels:\n"
            + labels
            + "spec:\n  containers:\n  - name: app\n    image: app:1\n"
            + "  - name: linkerd-proxy\n    image: cr.l5d.io/linkerd/proxy:"
            + CLI
            + "\n"
            + env
            + "status:\n  phase: Running\n  podIP: 10.244."
            + (n / 250)
            + "."
            + (n % 250 + 2)
            + "\n"
            + "  conditions:\n  - type: Ready\n    status: \"True\"\n  containerStatuses:\n"
            + "  - name: app\n    ready: true\n    state:\n      running: {}\n"
            + "  - name: linkerd-proxy\n    ready: true\n    state:\n      running: {}\n");
  }

  private void viz() {
    doc(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: linkerd-viz\n  labels:\n"
            + "    linkerd.io/extension: viz\n");
    String rbac = "rbac.authorization.k8s.io/v1";
    for (String n :
        new String[] {
          "linkerd-linkerd-viz-tap",
          "linkerd-linkerd-viz-metrics-api",
          "linkerd-linkerd-viz-tap-admin",
          "linkerd-tap-injector",
          "linkerd-linkerd-viz-prometheus"
        }) {
      doc("apiVersion: " + rbac + "\nkind: ClusterRole\nmetadata:\n  name: " + n + "\n");
    }
    for (String n :
        new String[] {
          "linkerd-linkerd-viz-tap",
          "linkerd-linkerd-viz-metrics-api",
          "linkerd-linkerd-viz-tap-auth-delegator",
          "linkerd-tap-injector",
          "linkerd-linkerd-viz-prometheus"
        }) {
      doc("apiVersion: " + rbac + "\nkind: ClusterRoleBinding\nmetadata:\n  name: " + n + "\n");
    }
    String bundle = tlsSecret("tap-k8s-tls", "linkerd-viz", "tap.linkerd-viz.svc");
    doc(
        "apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n"
            + "  name: v1alpha1.tap.linkerd.io\nspec:\n  group: tap.linkerd.io\n  version: v1alpha1\n"
            + "  groupPriorityMinimum: 1000\n  versionPriority: 100\n  caBundle: "
            + bundle
            + "\n  service:\n    name: tap\n    namespace: linkerd-viz\nstatus:\n  conditions:\n"
            + "  - type: Available\n    status: \"True\"\n");
    doc(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prometheus-config\n"
            + "  namespace: linkerd-viz\ndata:\n  prometheus.yml: \"\"\n");
    for (String component :
        new String[] {"web", "tap", "metrics-api", "tap-injector", "prometheus"}) {
      pod(
          "linkerd-viz",
          component + "-5f79ff4844-vwxyz",
          component,
          "linkerd.io/extension: viz",
          true);
    }
  }
}
