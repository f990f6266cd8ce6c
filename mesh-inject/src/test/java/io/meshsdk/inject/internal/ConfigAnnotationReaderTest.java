package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.linkerd.internal.ProxySetting;
import io.meshsdk.core.values.HelmValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pod template's {@code config.linkerd.io/*} annotations, read and validated. */
class ConfigAnnotationReaderTest {

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

  @Test
  void should_validate_annotation_values_like_linkerd_parses_them() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("config.linkerd.io/admin-port", "+4191");
    a.put("config.linkerd.io/proxy-uid", "99999999999999999999");
    a.put("config.linkerd.io/proxy-memory-request", "lots");
    a.put("config.linkerd.io/proxy-await", "yes");
    a.put("config.linkerd.io/proxy-enable-native-sidecar", "T");
    a.put("config.linkerd.io/proxy-cpu-ratio-limit", "1.5");
    a.put("config.alpha.linkerd.io/proxy-wait-before-exit-seconds", "-1");
    a.put("config.linkerd.io/proxy-additional-env", "{\"name\":\"A\"}");
    a.put("config.linkerd.io/skip-subnets", "10.0.0.0/8,nope");
    a.put("config.linkerd.io/proxy-log-level", "anything goes");
    assertThat(ConfigAnnotationReader.validate(a, Map.of()))
        .containsExactly(
            "annotation config.linkerd.io/proxy-uid: invalid value \"99999999999999999999\":"
                + " expected an integer",
            "annotation config.linkerd.io/proxy-memory-request: invalid value \"lots\":"
                + " quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            "annotation config.linkerd.io/proxy-await: invalid value \"yes\": valid values are"
                + " enabled and disabled",
            "annotation config.linkerd.io/proxy-cpu-ratio-limit: invalid value \"1.5\": must be"
                + " greater than 0 and less than 1",
            "annotation config.alpha.linkerd.io/proxy-wait-before-exit-seconds: invalid value"
                + " \"-1\": expected a whole number of seconds",
            "annotation config.linkerd.io/proxy-additional-env: invalid value"
                + " \"{\\\"name\\\":\\\"A\\\"}\": not a JSON list of environment variables",
            "annotation config.linkerd.io/skip-subnets: invalid value \"10.0.0.0/8,nope\":"
                + " invalid CIDR \"nope\"");
  }

  @Test
  void should_merge_additional_environment_by_name() {
    ProxyValues v =
        ProxyValues.from(
            HelmValues.of(
                values(
                    "proxy.additionalEnv",
                    java.util.List.of(
                        new java.util.TreeMap<>(Map.of("name", "A", "value", "helm")),
                        new java.util.TreeMap<>(Map.of("name", "B", "value", "helm"))))));
    ConfigAnnotationReader.apply(
        v,
        Map.of(
            "config.linkerd.io/proxy-additional-env",
            "[{\"name\":\"B\",\"value\":\"pod\"},{\"name\":\"C\",\"value\":\"pod\"}]"),
        Map.of(),
        Map.of(),
        new java.util.ArrayList<>());
    assertThat(v.list(ProxySetting.ADDITIONAL_ENV).toString())
        .isEqualTo("[{name=A, value=helm}, {name=B, value=pod}, {name=C, value=pod}]");
  }
}
