package io.meshsdk.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  private final ManifestReader reader = ManifestReader.create();

  private Map<String, Object> data(String file) {
    Manifest m = reader.readAll(Corpus.dir().resolve(file)).get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) m.object().orElseThrow().get("data");
    return data;
  }

  @Test
  void should_type_only_canonical_scalars_and_keep_the_others_verbatim() {
    Map<String, Object> data = data("scalars.yaml");

    assertThat(data.get("tilde")).isNull();
    assertThat(data.get("negative")).isEqualTo(-42);
    assertThat(data.get("bigint")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(data.get("octal")).isEqualTo(YamlScalar.plain("tag:yaml.org,2002:int", "0755"));
    assertThat(((YamlScalar) data.get("octal")).value()).isEqualTo(493L);
    assertThat(((YamlScalar) data.get("hex")).value()).isEqualTo(31L);
    assertThat(((YamlScalar) data.get("exp")).value()).isEqualTo(1000.0);
    assertThat(data.get("float")).isEqualTo(YamlScalar.plain("tag:yaml.org,2002:float", "1.10"));
    assertThat(((YamlScalar) data.get("date")).value()).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(((YamlScalar) data.get("yes")).value()).isEqualTo(true);
    assertThat(((YamlScalar) data.get("on")).tag()).isEqualTo("tag:yaml.org,2002:bool");
    assertThat(((YamlScalar) data.get("underscore")).value()).isEqualTo(1000L);
    assertThat(((YamlScalar) data.get("inf")).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(data.get("str-tag")).isEqualTo("1");
    assertThat(data.get("int-tag")).isEqualTo(42);
    assertThat(data.get("custom")).isEqualTo(YamlScalar.tagged("!Ref", "some-name"));
    assertThat(data.get("float-tag")).isEqualTo(YamlScalar.tagged("tag:yaml.org,2002:float", "3"));
    assertThat(data.get("literal")).isEqualTo("line one\n  indented line\nline three\n");
    assertThat(data.get("literal-strip")).isEqualTo("no trailing newline");
    assertThat(data.get("literal-keep")).isEqualTo("keep trailing\n\n");
    assertThat(data.get("folded")).isEqualTo("folded text continues here\nnew paragraph\n");
    assertThat(data.get("plain-multiline"))
        .isEqualTo("this plain scalar goes on over several lines");
    assertThat(data.get("unicode")).isEqualTo("日本語 ✓ 😀");
  }

  @Test
  void should_keep_quoted_strings_as_strings() {
    Manifest m = reader.readAll(Corpus.dir().resolve("scalars.yaml")).get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> ann =
        (Map<String, Object>)
            ((Map<String, Object>) m.object().get().get("metadata")).get("annotations");

    assertThat(ann)
        .containsEntry("quoted-on", "on")
        .containsEntry("quoted-version", "1.10")
        .containsEntry("quoted-mode", "0777")
        .containsEntry("quoted-true", "true")
        .containsEntry("quoted-empty", "")
        .containsEntry("single-with-quote", "it's")
        .containsEntry("double-escapes", "tab\there\nnewline é \"q\"");
  }

  @Test
  void should_use_the_text_of_keys_as_string_keys() {
    Map<String, Object> m =
        reader
            .readAll("1: one\non: yes\n~: tilde\n\"quoted\": q\n? explicit\n: e\n", "k")
            .get(0)
            .object()
            .orElseThrow();

    assertThat(m.keySet()).containsExactly("1", "on", "~", "quoted", "explicit");
  }

  @Test
  void should_keep_insertion_order_and_be_deeply_unmodifiable() {
    Map<String, Object> m =
        reader.readAll("z: 1\na: [x, {k: v}]\nm: 2\n", "o").get(0).object().orElseThrow();

    assertThat(m.keySet()).containsExactly("z", "a", "m");
    assertThatThrownBy(() -> m.put("b", 1)).isInstanceOf(UnsupportedOperationException.class);
    List<?> a = (List<?>) m.get("a");
    assertThatThrownBy(() -> a.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) a.get(1);
    assertThatThrownBy(() -> inner.entrySet().iterator().next().setValue("w"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_expand_aliases_and_apply_merge_keys() {
    List<Manifest> docs = reader.readAll(Corpus.dir().resolve("anchors.yaml"));
    Map<String, Object> deployment = docs.get(1).copyObject();

    assertThat(deployment.toString())
        .contains("matchLabels={app=api, team=core}")
        .contains("labels={app=api, team=core, version=v2}")
        .contains("[{name=api, image=api:1.0}, {name=sidecar, image=api:1.0}]");
    assertThat(docs.get(0).object().get().get("data").toString())
        .isEqualTo("{plain=hello, again=hello}");
    assertThat(docs.get(1).sourceText().orElseThrow()).contains("<<: *base");
  }

  @Test
  void should_locate_documents_and_keep_empty_ones() {
    List<Manifest> docs = reader.readAll(Corpus.dir().resolve("empty-docs.yaml"));

    assertThat(docs).extracting(m -> m.location().line()).containsExactly(1, 2, 4, 7, 14);
    assertThat(docs).extracting(m -> m.location().documentIndex()).containsExactly(1, 2, 3, 4, 5);
    assertThat(docs).extracting(Manifest::isEmpty).containsExactly(true, true, true, false, true);
    assertThat(docs.get(3).kind()).contains("Secret");
    assertThat(docs.get(3).sourceText().orElseThrow()).endsWith("...\n# after the end marker\n");
    assertThat(docs.get(0).root()).isNull();
    assertThat(docs.get(0).object()).isEmpty();
  }

  @Test
  void should_read_a_leading_comment_as_its_own_empty_document_and_an_empty_input_as_none() {
    assertThat(reader.readAll("", "e")).isEmpty();
    List<Manifest> docs = reader.readAll("# header\n---\nkind: A\n", "c");
    assertThat(docs).extracting(Manifest::isEmpty).containsExactly(true, false);
    assertThat(reader.readAll("--- null\n", "n").get(0).isEmpty()).isFalse();
  }

  @Test
  void should_give_kind_api_version_name_and_namespace() {
    Manifest m =
        reader
            .readAll(
                "apiVersion: apps/v1\nkind: Deployment\n"
                    + "metadata:\n  name: web\n  namespace: shop\n",
                "d")
            .get(0);
    Manifest noKind = reader.readAll(Corpus.dir().resolve("no-kind.yaml")).get(0);

    assertThat(
            List.of(
                m.apiVersion().orElseThrow(),
                m.kind().orElseThrow(),
                m.name().orElseThrow(),
                m.namespace().orElseThrow()))
        .containsExactly("apps/v1", "Deployment", "web", "shop");
    assertThat(noKind.kind()).isEmpty();
    assertThat(noKind.name()).isEmpty();
    assertThat(noKind.isEmpty()).isFalse();
    assertThat(noKind.isModified()).isFalse();
  }

  @Test
  void should_expand_a_list_and_reassemble_it() {
    Manifest list = reader.readAll(Corpus.dir().resolve("list.yaml")).get(0);

    List<Manifest> items = list.items();

    assertThat(list.isList()).isTrue();
    assertThat(items)
        .extracting(m -> m.kind().orElseThrow())
        .containsExactly("Deployment", "Service");
    assertThat(items).noneMatch(Manifest::isModified);
    assertThat(items.get(0).location()).isEqualTo(list.location());
    assertThat(list.withItems(items)).isSameAs(list);

    Map<String, Object> svc = items.get(1).copyObject();
    svc.put("extra", "x");
    Manifest changed = list.withItems(List.of(items.get(0), items.get(1).withRoot(svc)));

    assertThat(changed.isModified()).isTrue();
    assertThat(changed.object().get().keySet())
        .containsExactly("apiVersion", "kind", "metadata", "items");
    assertThat(changed.items().get(1).object().get()).containsEntry("extra", "x");
    assertThat(changed.items().get(0).root()).isSameAs(items.get(0).root());
    assertThat(list.withItems(List.of(items.get(1))).isModified()).isTrue();
    assertThat(reader.readAll("kind: Pod\n", "p").get(0).items()).isEmpty();
  }

  @Test
  void should_treat_kinds_ending_in_list_as_lists() {
    Manifest m = reader.readAll("kind: DeploymentList\nitems:\n- kind: Deployment\n", "l").get(0);

    assertThat(m.isList()).isTrue();
    assertThat(reader.readAll("kind: List\nitems: {}\n", "l").get(0).isList()).isFalse();
  }

  @Test
  void should_split_a_stream_of_json_values() {
    List<Manifest> docs = reader.readAll(Corpus.dir().resolve("stream.json"));

    assertThat(docs).extracting(m -> m.name().orElseThrow()).containsExactly("a", "b", "c", "d");
    assertThat(docs).extracting(m -> m.location().line()).containsExactly(1, 1, 2, 4);
    assertThat(docs.get(2).object().get().get("data").toString())
        .isEqualTo("{k=}{ not a separator ][}");
  }

  @Test
  void should_read_a_json_document() {
    Manifest m = reader.readAll(Corpus.dir().resolve("document.json")).get(0);

    Map<String, Object> spec = m.copyObject();
    assertThat(m.name()).contains("json-pod");
    assertThat(spec.get("spec").toString())
        .contains("terminationGracePeriodSeconds=30")
        .contains("priority=-1")
        .contains("overhead=null")
        .contains("tty=true");
    assertThat(((Map<?, ?>) spec.get("metadata")).get("labels").toString())
        .contains("version=1.10");
  }

  @Test
  void should_walk_a_folder_recursively_in_name_order(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("db/sub"));
    Files.createDirectories(dir.resolve("z"));
    for (String f :
        List.of(
            "nginx.yaml",
            "db/redis.yaml",
            "db/sub/a.yml",
            "a.JSON",
            "README.md",
            "z/x.yaml",
            "b.txt")) {
      Files.writeString(dir.resolve(f), "kind: ConfigMap\nmetadata:\n  name: " + f + "\n");
    }

    List<Path> files = reader.files(dir);

    assertThat(files)
        .extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
        .containsExactly("a.JSON", "db/redis.yaml", "db/sub/a.yml", "nginx.yaml", "z/x.yaml");
    assertThat(reader.files(dir.resolve("README.md"))).containsExactly(dir.resolve("README.md"));
    assertThat(reader.readAll(dir))
        .extracting(m -> m.name().orElseThrow())
        .containsExactly("a.JSON", "db/redis.yaml", "db/sub/a.yml", "nginx.yaml", "z/x.yaml");
    assertThat(reader.readAll(dir).get(1).location().source())
        .isEqualTo(dir.resolve("db/redis.yaml").toString());
  }

  @Test
  void should_read_utf8_from_an_input_stream_such_as_stdin() {
    byte[] bytes = "kind: ConfigMap\nmetadata:\n  name: café\n".getBytes(StandardCharsets.UTF_8);

    try (ManifestStream s = reader.open(new ByteArrayInputStream(bytes), "<stdin>")) {
      Manifest m = s.next();
      assertThat(m.name()).contains("café");
      assertThat(m.location()).isEqualTo(new ManifestLocation("<stdin>", 1, 1));
      assertThat(s.hasNext()).isFalse();
    }
  }

  @Test
  void should_build_synthetic_documents_and_copies() {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("kind", "ConfigMap");
    obj.put("data", new LinkedHashMap<>(Map.of("a", "1")));

    Manifest m = Manifest.of(obj);
    obj.put("kind", "changed later");

    assertThat(m.kind()).contains("ConfigMap");
    assertThat(m.isModified()).isTrue();
    assertThat(m.sourceText()).isEmpty();
    assertThat(m.location()).isEqualTo(ManifestLocation.GENERATED);
    Map<String, Object> copy = m.copyObject();
    copy.put("new", 1);
    assertThat(m.object().get()).doesNotContainKey("new");
    assertThatThrownBy(() -> Manifest.of(Map.of("k", new Object())))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("a manifest cannot hold a value of type java.lang.Object at k");
  }

  @Test
  void should_refuse_to_copy_a_root_that_is_not_a_mapping() {
    Manifest empty = reader.readAll("---\n", "e.yaml").get(0);

    assertThatThrownBy(empty::copyObject)
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "e.yaml: document 1, line 1: the document is not a Kubernetes object (a mapping)");
  }

  @Test
  void should_be_usable_from_several_threads() throws Exception {
    String text = Corpus.read(Corpus.dir().resolve("crd.yaml"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Manifest>>> futures =
          pool.invokeAll(java.util.Collections.nCopies(8, () -> reader.readAll(text, "crd.yaml")));
      for (Future<List<Manifest>> f : futures) {
        assertThat(f.get()).hasSize(2);
        assertThat(f.get().get(0).root()).isEqualTo(futures.get(0).get().get(0).root());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
