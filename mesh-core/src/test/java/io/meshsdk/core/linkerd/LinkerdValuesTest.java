package io.meshsdk.core.linkerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.ValuesException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkerdValuesTest {

  private final LinkerdValues d = LinkerdValues.defaults();

  @Test
  void should_read_the_global_defaults() {
    assertThat(d.linkerdVersion()).isEqualTo("edge-26.8.3");
    assertThat(d.clusterDomain()).isEqualTo("cluster.local");
    assertThat(d.clusterNetworkList())
        .containsExactly(
            "10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "fd00::/8");
    assertThat(d.identityTrustAnchorsPEM()).isEmpty();
    assertThat(d.identityTrustDomain()).isEqualTo("cluster.local");
    assertThat(d.cniEnabled()).isFalse();
    assertThat(d.imagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(d.disableIPv6()).isTrue();
    assertThat(d.highAvailability()).isFalse();
    assertThat(d.controllerReplicas()).isEqualTo(1);
    assertThat(d.controllerImageReference()).isEqualTo("cr.l5d.io/linkerd/controller:edge-26.8.3");
  }

  @Test
  void should_read_the_proxy_defaults() {
    LinkerdValues.Proxy p = d.proxy();
    assertThat(p.image().name()).isEqualTo("cr.l5d.io/linkerd/proxy");
    assertThat(p.image().version()).isEmpty();
    assertThat(p.image().effectiveVersion()).isEqualTo("edge-26.8.3");
    assertThat(p.image().effectivePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(p.image().reference()).isEqualTo("cr.l5d.io/linkerd/proxy:edge-26.8.3");
    assertThat(List.of(p.adminPort(), p.controlPort(), p.inboundPort(), p.outboundPort()))
        .containsExactly(4191, 4190, 4143, 4140);
    assertThat(p.uid()).isEqualTo(2102);
    assertThat(p.gid()).isEqualTo(-1);
    assertThat(p.logLevel()).isEqualTo("warn,linkerd=info,hickory=error");
    assertThat(p.logFormat()).isEqualTo("plain");
    assertThat(p.logHttpHeaders()).isEqualTo("off");
    assertThat(p.await()).isTrue();
    assertThat(p.nativeSidecar()).isTrue();
    assertThat(p.opaquePorts()).isEqualTo("25,587,3306,4444,5432,6379,9300,11211");
    assertThat(p.resources().cpuRequest()).isEmpty();
    assertThat(p.isIngress()).isFalse();
    assertThat(p.accessLog()).isEmpty();
    assertThat(p.defaultInboundPolicy()).isEqualTo("all-unauthenticated");
    assertThat(p.outboundConnectTimeout()).isEqualTo("1000ms");
    assertThat(p.inboundConnectTimeout()).isEqualTo("100ms");
    assertThat(p.cores()).isEmpty();
    assertThat(p.runtimeWorkersMinimum()).isEqualTo(1);
    assertThat(p.runtimeWorkersMaximumCpuRatio()).isEmpty();
    assertThat(p.securityContext()).isEmpty();
    assertThat(p.additionalEnv()).isEmpty();
    assertThat(p.waitBeforeExitSeconds()).isZero();
    assertThat(p.enableShutdownEndpoint()).isFalse();
    assertThat(p.tracingEnabled()).isFalse();
  }

  @Test
  void should_read_proxy_init_identity_and_debug_defaults() {
    LinkerdValues.ProxyInit i = d.proxyInit();
    assertThat(i.runAsRoot()).isFalse();
    assertThat(i.iptablesMode()).isEqualTo("nft");
    assertThat(i.ignoreInboundPorts()).isEqualTo("4567,4568");
    assertThat(i.ignoreOutboundPorts()).isEqualTo("4567,4568");
    assertThat(i.kubeApiServerPorts()).isEqualTo("443,6443");
    assertThat(i.runAsUser()).isEqualTo(65534);
    assertThat(i.runAsGroup()).isEqualTo(65534);
    assertThat(i.closeWaitTimeoutSecs()).isZero();
    assertThat(i.xtMountPath()).isEqualTo("/run");
    assertThat(i.xtMountName()).isEqualTo("linkerd-proxy-init-xtables-lock");
    assertThat(d.identity().serviceAccountTokenProjection()).isTrue();
    assertThat(d.identity().externalCA()).isFalse();
    assertThat(d.identity().issuerScheme()).isEqualTo("linkerd.io/tls");
    assertThat(d.identity().issuerClockSkewAllowance()).isEqualTo("20s");
    assertThat(d.identity().issuerIssuanceLifetime()).isEqualTo("24h0m0s");
    assertThat(d.identity().issuerCertificatePEM()).isEmpty();
    assertThat(d.debugContainerImage().reference())
        .isEqualTo("cr.l5d.io/linkerd/debug:edge-26.8.3");
  }

  @Test
  void should_apply_the_ha_overlay_as_a_values_layer_without_dropping_keys() {
    LayeredValues v = LinkerdChart.CONTROL_PLANE.haValuesBuilder().build();
    LinkerdValues ha = LinkerdValues.of(v.values());
    assertThat(ha.controllerReplicas()).isEqualTo(3);
    assertThat(ha.highAvailability()).isTrue();
    assertThat(ha.proxy().resources().cpuRequest()).isEqualTo("100m");
    assertThat(ha.proxy().resources().memoryLimit()).isEqualTo("250Mi");
    assertThat(ha.proxy().resources().memoryRequest()).isEqualTo("20Mi");
    assertThat(ha.proxy().resources().cpuLimit()).isEmpty();
    HelmValues raw = ha.raw();
    assertThat(raw.get("controllerResources.cpu.request")).contains("100m");
    assertThat(raw.get("spValidatorResources.memory.request")).contains("50Mi");
    assertThat(raw.get("identityResources.memory.request")).contains("10Mi");
    assertThat(raw.get("webhookFailurePolicy")).contains("Fail");
    assertThat(raw.get("enablePodAntiAffinity")).contains(true);
    assertThat(raw.get("deploymentStrategy.rollingUpdate.maxUnavailable")).contains(1);
    assertThat(raw.get("deploymentStrategy.rollingUpdate.maxSurge")).contains("25%");
    assertThat(v.warnings()).isEmpty();
    assertThat(LinkerdChart.CONTROL_PLANE.unknownKeys(v.userValues())).isEmpty();
  }

  @Test
  void should_let_explicit_sets_beat_the_ha_overlay() {
    LinkerdValues v =
        LinkerdValues.of(
            LinkerdChart.CONTROL_PLANE
                .haValuesBuilder()
                .set("controllerReplicas=2")
                .build()
                .values());
    assertThat(v.controllerReplicas()).isEqualTo(2);
  }

  @Test
  void should_resolve_linkerds_fallbacks() {
    LinkerdValues v =
        LinkerdValues.of(
            SetFlag.SET.parse(
                "linkerdVersion=v1,clusterDomain=example.org,identityTrustDomain=,"
                    + "imagePullPolicy=Always,proxy.image.name=p,proxy.image.pullPolicy=Never,"
                    + "debugContainer.image.version=dbg"));
    assertThat(v.identityTrustDomain()).isEqualTo("example.org");
    assertThat(v.proxy().image().reference()).isEqualTo("p:v1");
    assertThat(v.proxy().image().effectivePullPolicy()).isEqualTo("Never");
    assertThat(v.debugContainerImage().effectiveVersion()).isEqualTo("dbg");
    assertThat(v.debugContainerImage().effectivePullPolicy()).isEqualTo("Always");
  }

  @Test
  void should_read_missing_keys_as_go_zero_values_and_refuse_wrong_types() {
    LinkerdValues empty = LinkerdValues.of(HelmValues.empty());
    assertThat(empty.proxy().await()).isFalse();
    assertThat(empty.proxy().adminPort()).isZero();
    assertThat(empty.linkerdVersion()).isEmpty();
    LinkerdValues bad =
        LinkerdValues.of(SetFlag.SET_STRING.parse("proxy.await=true,proxy.ports.admin=x"));
    assertThatThrownBy(() -> bad.proxy().await())
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("proxy.await");
    assertThatThrownBy(() -> bad.proxy().adminPort()).hasMessageContaining("proxy.ports.admin");
  }

  @Test
  void should_read_set_json_numbers_and_set_values() {
    LinkerdValues v =
        LinkerdValues.of(
            LinkerdChart.CONTROL_PLANE
                .valuesBuilder()
                .setJson("proxy.ports.admin=1234")
                .set("proxyInit.runAsRoot=true,proxy.cores=2")
                .build()
                .values());
    assertThat(v.proxy().adminPort()).isEqualTo(1234);
    assertThat(v.proxyInit().runAsRoot()).isTrue();
    assertThat(v.proxy().cores()).hasValue(2);
    assertThat(v).isNotEqualTo(LinkerdValues.defaults());
  }
}
