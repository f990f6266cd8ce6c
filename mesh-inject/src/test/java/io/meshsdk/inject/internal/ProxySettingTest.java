package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.internal.ProxySetting;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.inject.Injector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one table of proxy settings ({@link ProxySetting}) is complete and consistent: every
 * annotation Linkerd's inject reads maps to a values path (and its flag), and a value round-trips
 * between the annotation, the values, the flag and the override annotation. A setting added to one
 * place but not the others fails here.
 */
class ProxySettingTest {

  private static final HelmValues DEFAULTS = LinkerdChart.CONTROL_PLANE.defaults();

  /**
   * Every annotation of linkerd-inject.md §2.1 (Linkerd's {@code ApplyAnnotationOverrides} and
   * {@code GetPodPatch} at linkerd2 HEAD) that sets a values field.
   */
  private static final List<String> LINKERD_READS_INTO_VALUES =
      List.of(
          "linkerd.io/inject",
          "config.linkerd.io/proxy-image",
          "config.linkerd.io/proxy-version",
          "config.linkerd.io/image-pull-policy",
          "config.linkerd.io/control-port",
          "config.linkerd.io/inbound-port",
          "config.linkerd.io/admin-port",
          "config.linkerd.io/outbound-port",
          "config.linkerd.io/proxy-admin-shutdown",
          "config.linkerd.io/proxy-log-level",
          "config.linkerd.io/proxy-log-format",
          "config.linkerd.io/proxy-log-http-headers",
          "config.linkerd.io/proxy-require-identity-inbound-ports",
          "config.linkerd.io/proxy-metrics-hostname-labels",
          "config.linkerd.io/proxy-outbound-connect-timeout",
          "config.linkerd.io/proxy-inbound-connect-timeout",
          "config.linkerd.io/shutdown-grace-period",
          "config.linkerd.io/proxy-outbound-discovery-cache-unused-timeout",
          "config.linkerd.io/proxy-inbound-discovery-cache-unused-timeout",
          "config.linkerd.io/proxy-disable-outbound-protocol-detect-timeout",
          "config.linkerd.io/proxy-disable-inbound-protocol-detect-timeout",
          "config.linkerd.io/enable-gateway",
          "config.alpha.linkerd.io/proxy-wait-before-exit-seconds",
          "config.linkerd.io/proxy-enable-native-sidecar",
          "config.linkerd.io/proxy-cpu-request",
          "config.linkerd.io/proxy-cpu-limit",
          "config.linkerd.io/proxy-cpu-ratio-limit",
          "config.linkerd.io/proxy-memory-request",
          "config.linkerd.io/proxy-memory-limit",
          "config.linkerd.io/proxy-ephemeral-storage-request",
          "config.linkerd.io/proxy-ephemeral-storage-limit",
          "config.linkerd.io/proxy-uid",
          "config.linkerd.io/proxy-gid",
          "config.linkerd.io/enable-external-profiles",
          "config.linkerd.io/skip-inbound-ports",
          "config.linkerd.io/skip-outbound-ports",
          "config.linkerd.io/opaque-ports",
          "config.linkerd.io/skip-subnets",
          "config.linkerd.io/debug-image",
          "config.linkerd.io/debug-image-version",
          "config.linkerd.io/debug-image-pull-policy",
          "config.linkerd.io/proxy-await",
          "config.linkerd.io/default-inbound-policy",
          "config.linkerd.io/access-log",
          "config.linkerd.io/proxy-additional-env",
          "config.linkerd.io/close-wait-timeout");

  /**
   * The §2.1 annotations that set no values field: the pod's own ports overwrite {@code
   * pod-inbound-ports}, {@code enable-debug-sidecar} is the injector's debug option, the beta and
   * alpha native-sidecar annotations are older spellings of {@code proxy-enable-native-sidecar}.
   */
  private static final List<String> LINKERD_READS_ELSEWHERE =
      List.of(
          "config.linkerd.io/pod-inbound-ports",
          "config.linkerd.io/enable-debug-sidecar",
          "config.beta.linkerd.io/proxy-enable-native-sidecar",
          "config.alpha.linkerd.io/proxy-enable-native-sidecar");

  static Stream<ProxySetting> settings() {
    return Stream.of(ProxySetting.values());
  }

  @ParameterizedTest
  @MethodSource("settings")
  void should_name_a_values_path_linkerds_chart_knows(ProxySetting s) {
    assertThat(LinkerdChart.CONTROL_PLANE.keySchema().isKnown(s.path())).as(s.path()).isTrue();
    assertThat(s.annotation().isPresent())
        .as(s.path())
        .isEqualTo(s.parse() != ProxySetting.Parse.NONE);
    s.annotation()
        .ifPresent(
            a -> assertThat(a).matches("(config\\.(alpha\\.)?linkerd\\.io/|linkerd\\.io/).+"));
    if (s.write() == ProxySetting.Write.WHEN_CHANGED) {
      assertThat(s.annotation()).as(s.path()).isPresent();
    }
  }

  @Test
  void should_hold_each_path_annotation_and_flag_once() {
    Set<String> paths = new HashSet<>();
    List<String> annotations = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (ProxySetting s : ProxySetting.values()) {
      assertThat(paths.add(s.path())).as("path %s", s.path()).isTrue();
      s.annotation().ifPresent(annotations::add);
      s.flag().ifPresent(flags::add);
    }
    assertThat(annotations).doesNotHaveDuplicates();
    assertThat(flags).doesNotHaveDuplicates();
    assertThat(LinkerdFlags.names()).containsAll(ProxySetting.byFlag().keySet());
  }

  @Test
  void should_map_every_annotation_linkerds_inject_reads_to_a_values_path() {
    assertThat(ProxySetting.byAnnotation().keySet())
        .containsExactlyInAnyOrderElementsOf(LINKERD_READS_INTO_VALUES);
    Set<String> allRead = new HashSet<>(LINKERD_READS_INTO_VALUES);
    allRead.addAll(LINKERD_READS_ELSEWHERE);
    // and the names injection knows under config.linkerd.io are all among them
    for (String name : namesUnderConfigPrefixes()) {
      assertThat(allRead).as(name).contains(name);
    }
  }

  private static List<String> namesUnderConfigPrefixes() {
    List<String> out = new ArrayList<>();
    for (java.lang.reflect.Field f : Names.class.getDeclaredFields()) {
      if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        try {
          f.setAccessible(true);
          String v = (String) f.get(null);
          if (v.matches("config\\.(alpha\\.|beta\\.)?linkerd\\.io/.+")) {
            out.add(v);
          }
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }

  @Test
  void should_read_every_setting_into_the_injectors_values() {
    ProxyValues v = ProxyValues.from(DEFAULTS);
    for (ProxySetting s : ProxySetting.values()) {
      assertThat(v.get(s)).as(s.path()).isEqualTo(s.read(DEFAULTS));
    }
  }

  /** An annotation text in the form the setting writes it back, different from the default. */
  private static String sample(ProxySetting s) {
    Object dflt = s.read(DEFAULTS);
    switch (s.parse()) {
      case PORT:
      case INT64:
        return "4321";
      case UINT:
        return "17";
      case BOOL:
        return String.valueOf(!(Boolean) dflt);
      case ENABLED_DISABLED:
        return (Boolean) dflt ? "disabled" : "enabled";
      case DURATION_MILLIS:
        return "1500ms";
      case DURATION_SECONDS:
        return "77s";
      case QUANTITY:
        return "3Gi";
      case CUSTOM:
        if (s.type() == ProxySetting.Type.BOOL) {
          return String.valueOf(!(Boolean) dflt);
        }
        return s.path().contains(".cpu.")
            ? "3"
            : s.path().endsWith("defaultInboundPolicy") ? "deny" : "4000";
      default:
        return s.path().endsWith("Ports")
            ? "4000"
            : "x-" + s.annotation().orElseThrow().replaceAll(".*/", "");
    }
  }

  static Stream<ProxySetting> plainAnnotations() {
    return settings()
        .filter(
            s -> s.parse() != ProxySetting.Parse.NONE && s.parse() != ProxySetting.Parse.CUSTOM);
  }

  @ParameterizedTest
  @MethodSource("plainAnnotations")
  void should_round_trip_annotation_values_and_override_annotation(ProxySetting s) {
    String text = sample(s);
    String annotation = s.annotation().orElseThrow();
    ProxyValues fromAnnotation = ProxyValues.from(DEFAULTS);
    List<String> problems = new ArrayList<>();
    ConfigAnnotationReader.apply(
        fromAnnotation, Map.of(annotation, text), Map.of(), Map.of(), problems);
    assertThat(problems).isEmpty();
    Object value = fromAnnotation.get(s);
    assertThat(value).as(s.path()).isNotEqualTo(s.read(DEFAULTS));

    // the same value given in the values reads the same
    ProxyValues fromValues = ProxyValues.from(DEFAULTS.with(s.path(), value));
    assertThat(fromValues.get(s)).isEqualTo(value);

    // and an override in the values is written back as the same annotation text
    Map<String, String> written =
        OverrideAnnotationWriter.compute(fromValues, ProxyValues.from(DEFAULTS));
    if (s.write() == ProxySetting.Write.WHEN_CHANGED || s == ProxySetting.GID) {
      // (a gid of 0 or more that differs is written by Linkerd's own rule)
      assertThat(written).containsEntry(annotation, text);
    } else {
      assertThat(written).doesNotContainKey(annotation);
    }
  }

  static Stream<ProxySetting> flagsWithAnnotations() {
    return settings()
        .filter(s -> s.flag().isPresent() && s.write() == ProxySetting.Write.WHEN_CHANGED);
  }

  @ParameterizedTest
  @MethodSource("flagsWithAnnotations")
  void should_turn_each_flag_into_its_override_annotation_and_back(ProxySetting s) {
    String flag = s.flag().orElseThrow();
    Injector injector =
        Injector.builder().installedValues(DEFAULTS).linkerdFlag(flag, sample(s)).build();
    Map<String, String> annotations = injector.overrideAnnotations();
    assertThat(annotations).containsEntry(s.annotation().orElseThrow(), sample(s));
    assertThat(List.copyOf(annotations.keySet())).containsExactly(s.annotation().orElseThrow());

    // the annotation read back gives the value the flag set
    ProxyValues viaFlag = ProxyValues.from(LinkerdFlags.apply(DEFAULTS, flag, sample(s)));
    ProxyValues viaAnnotation = ProxyValues.from(DEFAULTS);
    ConfigAnnotationReader.apply(viaAnnotation, annotations, Map.of(), Map.of(), new ArrayList<>());
    assertThat(viaAnnotation.get(s)).isEqualTo(viaFlag.get(s));
  }
}
