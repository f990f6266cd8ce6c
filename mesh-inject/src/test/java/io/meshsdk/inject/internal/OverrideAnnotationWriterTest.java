package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.values.HelmValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverrideAnnotationWriterTest {

  private static Map<String, Object> values(Object... kv) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      String[] keys = ((String) kv[i]).split("\\.");
      Map<String, Object> cur = root;
      for (int k = 0; k < keys.length - 1; k++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> next =
            (Map<String, Object>) cur.computeIfAbsent(keys[k], x -> new LinkedHashMap<>());
        cur = next;
      }
      cur.put(keys[keys.length - 1], kv[i + 1]);
    }
    return root;
  }

  private static Map<String, String> diff(Map<String, Object> base, Map<String, Object> v) {
    return OverrideAnnotationWriter.compute(
        ProxyValues.from(HelmValues.of(v)), ProxyValues.from(HelmValues.of(base)));
  }

  @Test
  void should_emit_nothing_when_nothing_differs() {
    Map<String, Object> base = values("proxy.ports.admin", 4191, "proxy.await", true);
    assertThat(diff(base, values("proxy.ports.admin", 4191L, "proxy.await", true))).isEmpty();
  }

  @Test
  void should_map_each_overridable_value_to_its_annotation() {
    Map<String, Object> base =
        values("proxy.gid", -1, "proxy.await", true, "proxy.nativeSidecar", true);
    Map<String, Object> v =
        values(
            "proxy.gid",
            3000,
            "proxy.await",
            false,
            "proxy.nativeSidecar",
            false,
            "proxy.image.version",
            "edge-1",
            "proxy.image.name",
            "my/proxy",
            "proxy.image.pullPolicy",
            "Always",
            "proxy.ports.inbound",
            5143,
            "proxy.uid",
            1000,
            "proxy.logFormat",
            "json",
            "proxy.resources.cpu.request",
            "100m",
            "proxy.resources.memory.limit",
            "1Gi",
            "proxy.waitBeforeExitSeconds",
            10,
            "proxy.isIngress",
            true,
            "proxy.metrics.hostnameLabels",
            true,
            "proxy.shutdownGracePeriod",
            "30s",
            "proxyInit.ignoreOutboundPorts",
            "3306",
            "debugContainer.image.version",
            "dbg",
            "cniEnabled",
            true);
    assertThat(diff(base, v))
        .containsExactly(
            Map.entry("config.alpha.linkerd.io/proxy-wait-before-exit-seconds", "10"),
            Map.entry("config.linkerd.io/debug-image-version", "dbg"),
            Map.entry("config.linkerd.io/image-pull-policy", "Always"),
            Map.entry("config.linkerd.io/inbound-port", "5143"),
            Map.entry("config.linkerd.io/proxy-await", "disabled"),
            Map.entry("config.linkerd.io/proxy-cpu-request", "100m"),
            Map.entry("config.linkerd.io/proxy-enable-native-sidecar", "false"),
            Map.entry("config.linkerd.io/proxy-gid", "3000"),
            Map.entry("config.linkerd.io/proxy-image", "my/proxy"),
            Map.entry("config.linkerd.io/proxy-log-format", "json"),
            Map.entry("config.linkerd.io/proxy-memory-limit", "1Gi"),
            Map.entry("config.linkerd.io/proxy-metrics-hostname-labels", "true"),
            Map.entry("config.linkerd.io/proxy-uid", "1000"),
            Map.entry("config.linkerd.io/proxy-version", "edge-1"),
            Map.entry("config.linkerd.io/shutdown-grace-period", "30s"),
            Map.entry("config.linkerd.io/skip-outbound-ports", "3306"),
            Map.entry("linkerd.io/inject", "ingress"));
  }

  @Test
  void should_emit_a_group_id_only_when_it_is_set() {
    assertThat(diff(values("proxy.gid", 3000), values("proxy.gid", -1))).isEmpty();
    assertThat(diff(values("proxy.gid", -1), values("proxy.gid", 0)))
        .containsExactly(Map.entry("config.linkerd.io/proxy-gid", "0"));
  }
}
