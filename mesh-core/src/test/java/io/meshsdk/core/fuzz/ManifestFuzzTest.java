package io.meshsdk.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: reading and writing manifests. Oracles: reading any text gives documents or a {@link
 * ManifestException} (nothing else escapes); an unchanged document is written back byte for byte; a
 * modified one is written as text that reads back to an equal tree. Limits are small so that a
 * budget exceeded shows as a typed error within the execution's time and memory.
 *
 * <p>Regression mode (the default, under {@code mvn verify}) runs the committed inputs in {@code
 * src/test/resources/io/meshsdk/core/fuzz/ManifestFuzzTestInputs/}; fuzzing: see the README.
 */
class ManifestFuzzTest {
  private static final ManifestReader READER =
      ManifestReader.builder().maxDocumentBytes(1 << 20).build();

  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "---\\x0A",
    "\\x0A---\\x0A",
    "...\\x0A",
    "%YAML 1.1\\x0A",
    "%TAG ! tag:x,2000:\\x0A",
    "&a ",
    "*a",
    "<<: ",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!foo%21 ",
    "!<tag:x> ",
    "\\\"\\\\x",
    "\\\"\\\\u",
    "\\\"\\\\U",
    "\\\\N",
    "'",
    "|-\\x0A",
    ">+\\x0A",
    "? ",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "\\x0D\\x0A",
    "\\xC2\\x85",
    "\\xE2\\x80\\xA8",
    "\\xEF\\xBB\\xBF",
    "kind: Pod\\x0A",
    "metadata:\\x0A  name: x\\x0A",
    "apiVersion: v1\\x0A",
    "~",
    "0x1F",
    "0o17",
    "1e3",
    ".inf",
    "yes",
    "null"
  })
  void should_read_any_text_and_write_documents_back(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<Manifest> docs;
    try {
      docs = READER.readAll(text, "fuzz");
    } catch (ManifestException e) {
      assertThat(e.getMessage()).startsWith("fuzz");
      return;
    }
    for (Manifest m : docs) {
      StringWriter out = new StringWriter();
      try (ManifestWriter w = ManifestWriter.yaml(out)) {
        w.write(m);
      }
      String original = m.sourceText().orElseThrow();
      assertThat(out.toString()).as("unchanged document, byte for byte").isEqualTo(original);
      if (!(m.root() instanceof Map)) {
        continue;
      }
      Map<String, Object> changed = mutableCopy(m.root());
      changed.put("fuzz-mark", List.of("x", 1));
      String written = ManifestWriter.toYaml(changed);
      List<Manifest> back = READER.readAll(written, "written");
      assertThat(back).as("written:\n%s", written).hasSize(1);
      assertThat(back.get(0).root()).as("written:\n%s", written).isEqualTo(changed);
    }
  }

  @SuppressWarnings("unchecked")
  static <T> T mutableCopy(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, mutableCopy(v)));
      return (T) out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(mutableCopy(v)));
      return (T) out;
    }
    return (T) o;
  }
}
