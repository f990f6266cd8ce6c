package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: {@link Injector} and {@link Uninjector} on any manifest text. The first byte picks
 * the mode (bit 0: proxy, bit 1: debug sidecar), the rest is the manifest. Oracles: only {@link
 * ManifestException} (reading) and {@link InjectionException} (refusing) escape; on success
 * injecting again changes nothing, without the debug option uninject(inject(x)) equals uninject(x)
 * (as data: empty maps and lists aside, as Linkerd's own comparison; not for control plane
 * components, whose metadata Linkerd's uninject keeps), and the written output reads back to the
 * same tree.
 *
 * <p>Inputs: {@code src/test/resources/io/meshsdk/inject/InjectFuzzTestInputs/}.
 */
class InjectFuzzTest {
  private static final ManifestReader READER =
      ManifestReader.builder().maxDocumentBytes(1 << 20).build();
  private static final Injector[] INJECTORS = new Injector[4];
  private static final Uninjector UNINJECTOR = Uninjector.create();
  private static final String CONTROL_PLANE_LABEL = "linkerd.io/control-plane-component";

  static {
    for (int i = 0; i < 4; i++) {
      INJECTORS[i] =
          ((i & 1) == 1 ? TestValues.manual() : TestValues.annotate())
              .debugSidecar((i & 2) == 2)
              .build();
    }
  }

  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "kind: Deployment\\x0A",
    "kind: Pod\\x0A",
    "kind: CronJob\\x0A",
    "kind: List\\x0Aitems:\\x0A",
    "kind: Namespace\\x0A",
    "kind: Service\\x0A",
    "metadata:\\x0A",
    "  annotations:\\x0A",
    "  labels:\\x0A",
    "spec:\\x0A",
    "  template:\\x0A",
    "    spec:\\x0A",
    "jobTemplate:\\x0A",
    "containers:\\x0A",
    "initContainers:\\x0A",
    "- name: app\\x0A",
    "ports:\\x0A",
    "- containerPort: 80\\x0A",
    "name: http\\x0A",
    "config.linkerd.io/proxy-cpu-limit: ",
    "config.linkerd.io/opaque-ports: ",
    "config.linkerd.io/enable-debug-sidecar: \\\"true\\\"",
    "config.linkerd.io/close-wait-timeout: ",
    "linkerd.io/inject: ",
    "enabled",
    "disabled",
    "ingress",
    "1e99999999",
    "1Gi",
    "500m",
    "hostNetwork: true",
    "securityContext:\\x0A",
    "capabilities:\\x0A",
    "add: [NET_ADMIN]",
    "volumeMounts:\\x0A",
    "mountPath: /var/run/secrets/kubernetes.io/serviceaccount",
    "[1]",
    "5",
    "{}",
    "!foo%21 "
  })
  void should_inject_and_uninject_any_manifest(byte[] data) {
    if (data.length == 0) {
      return;
    }
    int mode = data[0] & 3;
    Injector injector = INJECTORS[mode];
    String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    List<Manifest> docs;
    try {
      docs = READER.readAll(text, "fuzz");
    } catch (ManifestException e) {
      return;
    }
    for (Manifest x : docs) {
      Manifest once;
      try {
        once = injector.inject(x).manifest();
      } catch (InjectionException e) {
        assertThat(e.getMessage()).isNotBlank();
        continue;
      }
      Manifest twice = injector.inject(once).manifest();
      assertThat(twice.root()).as("inject(inject(x)) == inject(x)").isEqualTo(once.root());
      // as in Linkerd, uninject keeps the metadata of control plane components
      if ((mode & 2) == 0 && !ManifestWriter.toYaml(x.root()).contains(CONTROL_PLANE_LABEL)) {
        Object back = UNINJECTOR.uninject(once).manifest().root();
        Object plain = UNINJECTOR.uninject(x).manifest().root();
        assertThat(pruned(back)).as("uninject(inject(x)) == uninject(x)").isEqualTo(pruned(plain));
      }
      if (once.root() instanceof Map) {
        String written = ManifestWriter.toYaml(once.root());
        assertThat(READER.readAll(written, "written").get(0).root())
            .as("written:\n%s", written)
            .isEqualTo(once.root());
      }
    }
  }

  /** The tree without nulls, empty maps and empty lists (as the conformance comparison). */
  static Object pruned(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            Object p = pruned(v);
            if (!isEmpty(p)) {
              out.put(k, p);
            }
          });
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(pruned(v)));
      return out;
    }
    return o;
  }

  private static boolean isEmpty(Object p) {
    return p == null
        || p instanceof Map<?, ?> m && m.isEmpty()
        || p instanceof List<?> l && l.isEmpty();
  }
}
