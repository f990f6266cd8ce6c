package io.meshsdk.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {
  private static final String DEPLOYMENT =
      "# Source: web.yaml\n"
          + "apiVersion: apps/v1\n"
          + "kind: Deployment\n"
          + "metadata:\n"
          + "  name: web   # the name\n"
          + "  labels: {app: web, version: \"1.10\"}\n"
          + "spec:\n"
          + "  replicas: 3\n"
          + "  template:\n"
          + "    spec:\n"
          + "      containers:\n"
          + "        - name: web\n"
          + "          image: nginx\n"
          + "          env:\n"
          + "          - {name: MODE, value: \"0777\"}\n"
          + "          - name: FLAG\n"
          + "            value: 'on'\n"
          + "          - name: RAW\n"
          + "            value: 0755\n"
          + "          resources: {}\n";

  private final ManifestReader reader = ManifestReader.create();

  private static String write(List<Manifest> docs) {
    StringWriter out = new StringWriter();
    ManifestWriter w = ManifestWriter.yaml(out);
    docs.forEach(w::write);
    w.flush();
    return out.toString();
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_write_a_changed_document_as_its_text_plus_the_new_lines() {
    Manifest m = reader.readAll(DEPLOYMENT, "web.yaml").get(0);
    Map<String, Object> obj = m.copyObject();
    ((Map<String, Object>) obj.get("metadata"))
        .put("annotations", new LinkedHashMap<>(Map.of("linkerd.io/inject", "enabled")));

    String out = write(List.of(m.withRoot(obj)));

    String labels = "  labels: {app: web, version: \"1.10\"}\n";
    assertThat(out)
        .isEqualTo(
            DEPLOYMENT.replace(
                labels, labels + "  annotations:\n    linkerd.io/inject: enabled\n"));
    assertThat(m.withRoot(obj).edits().edits())
        .containsExactly(
            new TextEdit(7, 0, "", "  annotations:\n    linkerd.io/inject: enabled\n"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_emit_a_document_without_source_with_key_order_and_scalar_types_kept() {
    Manifest m = reader.readAll(DEPLOYMENT, "web.yaml").get(0);
    Map<String, Object> obj = m.copyObject();
    ((Map<String, Object>) obj.get("metadata"))
        .put("annotations", new LinkedHashMap<>(Map.of("linkerd.io/inject", "enabled")));

    String out = write(List.of(Manifest.of(obj)));

    assertThat(out)
        .isEqualTo(
            "apiVersion: apps/v1\n"
                + "kind: Deployment\n"
                + "metadata:\n"
                + "  name: web\n"
                + "  labels:\n"
                + "    app: web\n"
                + "    version: '1.10'\n"
                + "  annotations:\n"
                + "    linkerd.io/inject: enabled\n"
                + "spec:\n"
                + "  replicas: 3\n"
                + "  template:\n"
                + "    spec:\n"
                + "      containers:\n"
                + "      - name: web\n"
                + "        image: nginx\n"
                + "        env:\n"
                + "        - name: MODE\n"
                + "          value: '0777'\n"
                + "        - name: FLAG\n"
                + "          value: 'on'\n"
                + "        - name: RAW\n"
                + "          value: 0755\n"
                + "        resources: {}\n");
  }

  @Test
  void should_write_unchanged_documents_verbatim_next_to_changed_ones() {
    String text = "a: 1 # one\n---\nb: 2 # two\n---\nc: 3 # three\n";
    List<Manifest> docs = new ArrayList<>(reader.readAll(text, "t"));
    docs.set(1, docs.get(1).withRoot(Map.of("b", 20)));

    assertThat(write(docs)).isEqualTo("a: 1 # one\n---\nb: 20 # two\n---\nc: 3 # three\n");
  }

  @Test
  void should_keep_a_changed_document_s_own_separator_line_with_its_comment() {
    String text = "--- # Source: chart/templates/a.yaml\na: 1\n---\nb: 2\n";
    List<Manifest> docs = reader.readAll(text, "t");

    String out = write(List.of(docs.get(0).withRoot(Map.of("a", 2)), docs.get(1).withRoot(null)));

    assertThat(out).isEqualTo("--- # Source: chart/templates/a.yaml\na: 2\n---\n");
    assertThat(reader.readAll(out, "again"))
        .extracting(Manifest::isEmpty)
        .containsExactly(false, true);
  }

  @Test
  void should_add_a_line_break_and_separator_after_a_document_without_final_newline() {
    List<Manifest> first = reader.readAll("a: 1", "x");
    List<Manifest> second = reader.readAll("b: 2", "y");
    List<Manifest> docs = List.of(first.get(0), second.get(0), Manifest.of(Map.of("c", 3)));

    String out = write(docs);

    assertThat(out).isEqualTo("a: 1\n---\nb: 2\n---\nc: 3\n");
  }

  @Test
  void should_keep_json_values_that_follow_each_other_as_they_were_and_separate_changed_ones() {
    String text = "{\"a\":1}{\"b\":2}\n{\"c\":3}";
    List<Manifest> docs = new ArrayList<>(reader.readAll(text, "j"));

    assertThat(write(docs)).isEqualTo(text);

    docs.set(1, docs.get(1).withRoot(Map.of("b", 3)));
    String out = write(docs);
    assertThat(out).isEqualTo("{\"a\":1}{\"b\":3}\n{\"c\":3}");
    assertThat(reader.readAll(out, "again")).hasSize(3);
  }

  @Test
  void should_write_json_documents_one_per_line_and_skip_empty_ones() {
    List<Manifest> docs =
        reader.readAll(
            "---\nkind: ConfigMap\ndata:\n  a: \"1\"\n  b: 0x1F\n  c: [1, 2.5, true, null]\n"
                + "  d: \"line\\n\\\"q\\\"\"\n  e: yes\n  f: 1.10\n  g: 2024-01-02\n---\n",
            "j");
    StringWriter out = new StringWriter();

    try (ManifestWriter w = ManifestWriter.json(out)) {
      docs.forEach(w::write);
    }

    assertThat(out.toString())
        .isEqualTo(
            "{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"1\",\"b\":31,\"c\":[1,2.5,true,null],"
                + "\"d\":\"line\\n\\\"q\\\"\",\"e\":true,\"f\":1.1,\"g\":\"2024-01-02\"}}\n");
  }

  @Test
  void should_write_json_numbers_as_go_encoding_json_does() {
    Manifest doc =
        reader.readAll("kind: X\nn: [1.0, 1e3, 1e21, !!float 2, 0.5, 1e-7]\n", "n").get(0);
    StringWriter out = new StringWriter();

    try (ManifestWriter w = ManifestWriter.json(out)) {
      w.write(doc.withRoot(doc.copyObject()));
    }

    assertThat(out.toString()).isEqualTo("{\"kind\":\"X\",\"n\":[1,1000,1e+21,2,0.5,1e-7]}\n");
  }

  @Test
  void should_emit_generic_trees_in_kubectl_block_style() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("list", List.of(List.of("a", "b"), Map.of("k", List.of(1)), List.of(), Map.of()));
    tree.put("empty", Map.of());
    tree.put("text", "first\nsecond\n");
    tree.put("indented", "  starts with spaces\nnext");
    tree.put("kept", "kept\n\n");
    tree.put(
        "numbers", List.of(1L << 40, new BigInteger("123456789012345678901234"), 1.0e10, 0.25));
    tree.put("nothing", null);
    tree.put("needs quotes", List.of("on", "", "null", "~", "2024-01-02", "1e3", "a: b", "x #y"));
    tree.put("escapes", "tab\there and bell\u0007");

    assertThat(ManifestWriter.toYaml(tree))
        .isEqualTo(
            "list:\n"
                + "- - a\n"
                + "  - b\n"
                + "- k:\n"
                + "  - 1\n"
                + "- []\n"
                + "- {}\n"
                + "empty: {}\n"
                + "text: |\n"
                + "  first\n"
                + "  second\n"
                + "indented: |2-\n"
                + "    starts with spaces\n"
                + "  next\n"
                + "kept: |+\n"
                + "  kept\n"
                + "\n"
                + "numbers:\n"
                + "- 1099511627776\n"
                + "- 123456789012345678901234\n"
                + "- 1.0e+10\n"
                + "- 0.25\n"
                + "nothing: null\n"
                + "needs quotes:\n"
                + "- 'on'\n"
                + "- ''\n"
                + "- 'null'\n"
                + "- '~'\n"
                + "- '2024-01-02'\n"
                + "- '1e3'\n"
                + "- 'a: b'\n"
                + "- 'x #y'\n"
                + "escapes: \"tab\\there and bell\\a\"\n");
  }

  @Test
  void should_write_list_items_that_have_no_source_text_with_the_emitter() {
    Manifest list = reader.readAll(Corpus.dir().resolve("list.yaml")).get(0);

    String out = write(list.items());

    assertThat(out)
        .startsWith("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: one\n")
        .contains("\n---\napiVersion: v1\nkind: Service\n");
  }
}
