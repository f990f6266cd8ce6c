/**
 * Mesh SDK core: Kubernetes manifests, Helm values, the Linkerd values model, certificates and
 * check results. Only the API packages are exported; the {@code internal} packages that Mesh SDK's
 * own modules share are exported to those modules alone.
 */
module io.meshsdk.core {
  requires org.yaml.snakeyaml;
  requires com.google.gson;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;
  requires org.bouncycastle.pkix;

  exports io.meshsdk.core;
  exports io.meshsdk.core.identity;
  exports io.meshsdk.core.linkerd;
  exports io.meshsdk.core.manifest;
  exports io.meshsdk.core.report;
  exports io.meshsdk.core.values;
  exports io.meshsdk.core.internal.go to
      io.meshsdk.inject;
  exports io.meshsdk.core.internal.tree to
      io.meshsdk.inject;
  exports io.meshsdk.core.linkerd.internal to
      io.meshsdk.inject;
}
