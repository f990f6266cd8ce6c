package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectionReportTest {

  @SafeVarargs
  private static InjectionReport report(Injector injector, Map<String, Object>... docs) {
    Injector.Session s = injector.newSession();
    List<ResourceReport> all = new ArrayList<>();
    for (Map<String, Object> d : docs) {
      Manifest m =
          d == null ? ManifestReader.create().readAll("null\n", "null").get(0) : Manifest.of(d);
      all.addAll(s.inject(m).resources());
    }
    return InjectionReport.of(InjectionReport.Operation.INJECT, all);
  }

  @Test
  void should_say_no_supported_objects_when_nothing_can_be_injected() {
    InjectionReport r =
        report(
            TestValues.annotate().build(),
            TestValues.doc("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"),
            null);
    assertThat(r.render())
        .isEqualTo(
            "\n\u203c no supported objects found\n\nconfigmap \"c\" skipped\n"
                + "document missing \"kind\" field, skipped\n\n");
  }

  @Test
  void should_list_udp_users_with_linkerds_verb() {
    String udpPort =
        "      - name: dns\n        image: d\n"
            + "        ports: [{containerPort: 53, protocol: UDP}]\n";
    InjectionReport r =
        report(
            TestValues.annotate().build(),
            TestValues.deployment("a", "", udpPort),
            TestValues.deployment("b", "", udpPort));
    assertThat(r.render())
        .isEqualTo(
            "\n\u203c deployment/a, deployment/b use \"protocol: UDP\"\n\n"
                + "deployment \"a\" injected\ndeployment \"b\" injected\n\n");
    assertThat(r.renderVerbose())
        .contains("\u221a at least one resource can be injected or annotated\n")
        .contains("\u203c deployment/a, deployment/b use \"protocol: UDP\"\n");
  }

  @Test
  void should_render_uninject_reports_and_json() {
    InjectionReport r =
        InjectionReport.of(
            InjectionReport.Operation.UNINJECT,
            Uninjector.create()
                .uninject(
                    Manifest.of(
                        TestValues.doc("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")))
                .resources());
    assertThat(r.renderVerbose()).isEqualTo("\nservice \"s\" skipped\n\n");
    assertThat(r.toJson())
        .contains("\"operation\": \"uninject\"")
        .contains("\"outcome\": \"skipped\"")
        .contains("\"reason\": \"not_injected\"");
  }

  @Test
  void should_report_annotated_workloads_that_are_disabled_but_overridden() {
    Map<String, Object> disabled =
        TestValues.deployment("web", "      annotations: {linkerd.io/inject: disabled}\n", "");
    InjectionReport r =
        report(TestValues.annotate().override("proxy.logLevel", "debug").build(), disabled);
    assertThat(r.resources().get(0).action()).isEqualTo(ResourceReport.Action.ANNOTATED);
    assertThat(r.render())
        .isEqualTo(
            "\n\u203c \"linkerd.io/inject: disabled\" annotation set on deployment/web\n\n"
                + "deployment \"web\" annotated\n\n");
  }
}
