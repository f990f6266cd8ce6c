package io.meshsdk.inject;

import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Installed-mesh values for tests: Linkerd's chart defaults layered as Helm does, and helpers. */
final class TestValues {
  private TestValues() {}

  /** Our own trust anchor (made with {@code mesh certs generate}), as identityTrustAnchorsPEM. */
  static final String TRUST_ANCHORS_PEM = resource("trust-anchors.pem");

  /** SHA-256 of {@link #TRUST_ANCHORS_PEM}: the expected {@code linkerd.io/trust-root-sha256}. */
  static final String TRUST_ROOT_SHA256 =
      "b6dcb55ac3602e50b60d4afdcbee84385829396d591c2250917a9b9aff253804";

  private static String resource(String name) {
    try (InputStream in = TestValues.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Chart defaults with the test trust anchors, fixed versions and the given {@code --set}s. */
  static HelmValues installed(String... sets) {
    ValuesBuilder b =
        LinkerdChart.CONTROL_PLANE
            .valuesBuilder()
            .set("linkerdVersion=cp-version")
            .set("proxy.image.version=proxy-version")
            .set("debugContainer.image.version=debug-version");
    for (String s : sets) {
      b.set(s);
    }
    return b.build().values().with("identityTrustAnchorsPEM", TRUST_ANCHORS_PEM);
  }

  static Injector.Builder manual(String... sets) {
    return Injector.builder()
        .installedValues(installed(sets))
        .mode(InjectMode.PROXY)
        .createdBy("test/cli");
  }

  static Injector.Builder annotate(String... sets) {
    return Injector.builder().installedValues(installed(sets)).mode(InjectMode.ANNOTATE);
  }

  /** Parses one YAML document into an ordered tree. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> doc(String yaml) {
    return (Map<String, Object>) Yamls.load(yaml);
  }

  /** A deployment with one container and the given extra template-spec YAML (indented 6). */
  static Map<String, Object> deployment(String name, String templateMeta, String podSpecExtra) {
    return doc(
        "apiVersion: apps/v1\n"
            + "kind: Deployment\n"
            + "metadata:\n"
            + "  name: "
            + name
            + "\n"
            + "  namespace: shop\n"
            + "spec:\n"
            + "  replicas: 2\n"
            + "  template:\n"
            + "    metadata:\n"
            + "      labels:\n"
            + "        app: "
            + name
            + "\n"
            + templateMeta
            + "    spec:\n"
            + "      containers:\n"
            + "      - name: app\n"
            + "        image: example/app:1\n"
            + "        ports:\n"
            + "        - containerPort: 8080\n"
            + "          name: http\n"
            + podSpecExtra);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, Object... path) {
    Object cur = o;
    for (Object p : path) {
      cur = p instanceof Integer ? ((List<Object>) cur).get((Integer) p) : ((Map<?, ?>) cur).get(p);
    }
    return (Map<String, Object>) cur;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o, Object... path) {
    Object cur = o;
    for (Object p : path) {
      cur = p instanceof Integer ? ((List<Object>) cur).get((Integer) p) : ((Map<?, ?>) cur).get(p);
    }
    return (List<Object>) cur;
  }

  /** The names of the items of a list of maps. */
  static List<Object> names(List<Object> items) {
    return items.stream().map(i -> (Object) ((Map<?, ?>) i).get("name")).toList();
  }

  /** Environment variables of a container as name to value (valueFrom shown as "<from>"). */
  static Map<String, Object> env(Map<String, Object> container) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object o : (List<?>) container.get("env")) {
      Map<?, ?> e = (Map<?, ?>) o;
      out.put((String) e.get("name"), e.containsKey("value") ? e.get("value") : "<from>");
    }
    return out;
  }

  /** The container with the given name in containers or initContainers of a pod spec. */
  static Map<String, Object> container(Map<String, Object> podSpec, String name) {
    for (String key : new String[] {"initContainers", "containers"}) {
      Object l = podSpec.get(key);
      if (l instanceof List) {
        for (Object c : (List<?>) l) {
          if (name.equals(((Map<?, ?>) c).get("name"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) c;
            return m;
          }
        }
      }
    }
    return null;
  }
}
