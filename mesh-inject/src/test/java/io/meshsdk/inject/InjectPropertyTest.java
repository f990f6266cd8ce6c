package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.values.HelmValues;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Properties over generated manifests (no Linkerd keys in the input), per mode, debug sidecar and
 * CNI: uninject(inject(x)) equals x exactly (keys in order); documents Linkerd does not inject come
 * back as the very same tree; injecting twice equals injecting once; inputs are never modified.
 */
class InjectPropertyTest {
  private static final int RUNS = 250;

  @ParameterizedTest(name = "mode={0} debug={1} cni={2}")
  @CsvSource({
    "ANNOTATE, false, false",
    "ANNOTATE, true, false",
    "PROXY, false, false",
    "PROXY, true, false",
    "PROXY, false, true",
    "PROXY, true, true",
    "ANNOTATE, false, true",
    "ANNOTATE, true, true"
  })
  void should_round_trip_and_be_idempotent(InjectMode mode, boolean debug, boolean cni) {
    HelmValues values = cni ? TestValues.installed("cniEnabled=true") : TestValues.installed();
    Injector injector =
        Injector.builder()
            .installedValues(values)
            .mode(mode)
            .debugSidecar(debug)
            .createdBy("t")
            .build();
    Uninjector uninjector = Uninjector.create();
    for (int seed = 0; seed < RUNS; seed++) {
      Map<String, Object> x = new ManifestGenerator(seed * 31L + mode.ordinal()).document();
      String original = Yamls.dump(x);

      Manifest in = Manifest.of(x);
      ManifestResult once = injector.inject(in);
      assertThat(Yamls.dump(x)).as("seed %d: input unchanged", seed).isEqualTo(original);
      boolean workload =
          once.resources().stream()
              .anyMatch(
                  r ->
                      r.action() == ResourceReport.Action.INJECTED
                          || r.action() == ResourceReport.Action.ANNOTATED);
      if (!workload) {
        assertThat(once.manifest()).as("seed %d: untouched document", seed).isSameAs(in);
      }

      ManifestResult back = uninjector.uninject(once.manifest());
      // --enable-debug-sidecar's annotation stays, as in Linkerd (it may be the user's own)
      Object backTree =
          debug ? withoutDebugAnnotation(back.manifest().root()) : back.manifest().root();
      assertThat(Yamls.dump(backTree))
          .as("seed %d: uninject(inject(x)) == x", seed)
          .isEqualTo(original);

      // written as the CLI writes (SnakeYAML's dump would show shared subtrees as anchors)
      String onceText = ManifestWriter.toYaml(once.manifest().root());
      ManifestResult twice = injector.inject(once.manifest());
      assertThat(ManifestWriter.toYaml(twice.manifest().root()))
          .as("seed %d: inject(inject(x)) == inject(x)", seed)
          .isEqualTo(onceText);
      assertThat(ManifestWriter.toYaml(once.manifest().root()))
          .as("seed %d: output unchanged", seed)
          .isEqualTo(onceText);
    }
  }

  /**
   * A copy without {@code config.linkerd.io/enable-debug-sidecar} and without the annotations and
   * metadata maps that leaves empty (the generated inputs have no Linkerd keys).
   */
  static Object withoutDebugAnnotation(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            if ("config.linkerd.io/enable-debug-sidecar".equals(k)) {
              return;
            }
            Object c = withoutDebugAnnotation(v);
            boolean emptied =
                c instanceof Map<?, ?> cm
                    && cm.isEmpty()
                    && !(v instanceof Map<?, ?> && ((Map<?, ?>) v).isEmpty());
            if (!(emptied && ("annotations".equals(k) || "metadata".equals(k)))) {
              out.put(k, c);
            }
          });
      return out;
    }
    if (o instanceof java.util.List<?> l) {
      java.util.List<Object> out = new java.util.ArrayList<>();
      l.forEach(v -> out.add(withoutDebugAnnotation(v)));
      return out;
    }
    return o;
  }
}
