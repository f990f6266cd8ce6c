package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties of the written text over generated manifests (no Linkerd keys in the input), per mode:
 * every changed document is written in place (its text plus edits), the written text reads back as
 * inject's tree, uninject gives the input text back byte for byte, and injecting the written text
 * again writes the same text.
 */
class PatchedOutputPropertyTest {
  private static final int RUNS = 150;
  private final ManifestReader reader = ManifestReader.create();

  private static String write(List<Manifest> docs) {
    StringWriter out = new StringWriter();
    ManifestWriter w = ManifestWriter.yaml(out);
    docs.forEach(w::write);
    w.flush();
    return out.toString();
  }

  private static List<Object> roots(List<Manifest> docs) {
    List<Object> out = new ArrayList<>();
    docs.forEach(m -> out.add(m.root()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(InjectMode.class)
  void should_write_in_place_read_back_as_the_tree_and_uninject_to_the_same_bytes(InjectMode mode) {
    Injector injector =
        Injector.builder()
            .installedValues(TestValues.installed())
            .mode(mode)
            .createdBy("t")
            .build();
    for (int seed = 0; seed < RUNS; seed++) {
      Map<String, Object> x = new ManifestGenerator(seed * 17L + mode.ordinal()).document();
      String text = "# generated " + seed + "\n" + Yamls.dump(x);

      InjectionResult r = injector.newSession().injectAll(reader.readAll(text, "x"));
      String out = write(r.documents());

      for (Manifest d : r.documents()) {
        assertThat(d.edits().inPlace()).as("seed %d: %s", seed, d.edits().declined()).isTrue();
      }
      assertThat(roots(reader.readAll(out, "out")))
          .as("seed %d", seed)
          .isEqualTo(roots(r.documents()));
      assertThat(write(Uninjector.create().uninjectAll(reader.readAll(out, "out")).documents()))
          .as("seed %d: uninject(inject(x)) == x as text", seed)
          .isEqualTo(text);
      assertThat(write(injector.newSession().injectAll(reader.readAll(out, "out")).documents()))
          .as("seed %d: inject(inject(x)) == inject(x) as text", seed)
          .isEqualTo(out);
    }
  }
}
