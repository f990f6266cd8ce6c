package io.meshsdk.inject;

import static io.meshsdk.inject.TestValues.deployment;
import static io.meshsdk.inject.TestValues.doc;
import static io.meshsdk.inject.TestValues.list;
import static io.meshsdk.inject.TestValues.map;
import static io.meshsdk.inject.TestValues.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UninjectorTest {
  private final Uninjector uninjector = Uninjector.create();

  @Test
  void should_remove_what_linkerd_leaves_behind_too() {
    Map<String, Object> plain = deployment("web", "", "");
    Manifest injected =
        TestValues.manual(
                "cniEnabled=true",
                "proxy.tracing.enabled=true",
                "proxy.tracing.collector.endpoint=c:4317",
                "proxy.tracing.collector.meshIdentity.serviceAccountName=c",
                "proxy.tracing.collector.meshIdentity.namespace=t")
            .debugSidecar(true)
            .build()
            .inject(Manifest.of(plain))
            .manifest();
    assertThat(names(list(injected.root(), "spec", "template", "spec", "containers")))
        .contains("linkerd-debug");

    ManifestResult r = uninjector.uninject(injected);
    // as in Linkerd, config.linkerd.io/* stays: it may be the user's own (see the next test)
    Map<String, Object> plainWithDebug =
        deployment(
            "web",
            "      annotations:\n        config.linkerd.io/enable-debug-sidecar: 'true'\n",
            "");
    assertThat(Yamls.dump(r.manifest().root())).isEqualTo(Yamls.dump(plainWithDebug));
    assertThat(r.resources())
        .extracting(ResourceReport::line)
        .containsExactly("deployment \"web\" uninjected");
  }

  @Test
  void should_keep_the_users_config_annotations_and_inject_disabled() {
    Map<String, Object> d =
        deployment(
            "web",
            "        linkerd.io/proxy-deployment: web\n"
                + "      annotations:\n"
                + "        config.linkerd.io/admin-port: '1234'\n"
                + "        linkerd.io/inject: enabled\n"
                + "        config.linkerd.io/enable-debug-sidecar: 'true'\n",
            "");
    ManifestResult r = uninjector.uninject(Manifest.of(d));
    assertThat(map(r.manifest().root(), "spec", "template", "metadata", "annotations"))
        .containsExactly(
            Map.entry("config.linkerd.io/admin-port", "1234"),
            Map.entry("config.linkerd.io/enable-debug-sidecar", "true"));
    assertThat(map(r.manifest().root(), "spec", "template", "metadata", "labels"))
        .containsExactly(Map.entry("app", "web"));

    Manifest disabled =
        Manifest.of(deployment("web", "      annotations: {linkerd.io/inject: disabled}\n", ""));
    ManifestResult s = uninjector.uninject(disabled);
    assertThat(s.manifest()).isSameAs(disabled);
    assertThat(s.resources().get(0).skipReason()).contains(ResourceReport.SkipReason.NOT_INJECTED);
    assertThat(s.resources().get(0).line()).isEqualTo("deployment \"web\" skipped");
  }

  @Test
  void should_keep_the_debug_annotation_of_a_template_that_was_never_injected() {
    Manifest d =
        Manifest.of(
            deployment(
                "web",
                "      annotations: {config.linkerd.io/enable-debug-sidecar: 'true'}\n",
                ""));
    assertThat(uninjector.uninject(d).manifest()).isSameAs(d);
  }

  @Test
  void should_keep_control_plane_metadata_but_remove_the_proxy() {
    Map<String, Object> d =
        deployment(
            "linkerd-destination",
            "        linkerd.io/control-plane-component: destination\n"
                + "      annotations: {linkerd.io/created-by: linkerd/cli x}\n",
            "");
    list(d, "spec", "template", "spec", "containers")
        .add(Map.of("name", "linkerd-proxy", "image", "cr.l5d.io/linkerd/proxy:x"));
    ManifestResult r = uninjector.uninject(Manifest.of(d));
    assertThat(map(r.manifest().root(), "spec", "template", "metadata", "annotations"))
        .containsEntry("linkerd.io/created-by", "linkerd/cli x");
    assertThat(names(list(r.manifest().root(), "spec", "template", "spec", "containers")))
        .containsExactly("app");
    assertThat(r.resources().get(0).action()).isEqualTo(ResourceReport.Action.UNINJECTED);
  }

  @Test
  void should_strip_namespaces_and_services_and_pass_other_kinds_through() {
    Map<String, Object> ns =
        doc(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
                + "  annotations: {linkerd.io/inject: enabled, team: a}\n");
    ManifestResult r = uninjector.uninject(Manifest.of(ns));
    assertThat(map(r.manifest().root(), "metadata", "annotations"))
        .containsExactly(Map.entry("team", "a"));
    assertThat(r.resources().get(0).line()).isEqualTo("namespace \"shop\" uninjected");

    Manifest cm = Manifest.of(doc("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"));
    ManifestResult c = uninjector.uninject(cm);
    assertThat(c.manifest()).isSameAs(cm);
    assertThat(c.resources().get(0).skipReason())
        .contains(ResourceReport.SkipReason.UNSUPPORTED_KIND);

    ManifestResult none =
        uninjector.uninject(ManifestReader.create().readAll("null\n", "null.yaml").get(0));
    assertThat(none.resources().get(0).line())
        .isEqualTo("document missing \"kind\" field, skipped");
  }
}
