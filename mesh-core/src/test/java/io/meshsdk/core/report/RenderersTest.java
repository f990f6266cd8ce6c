package io.meshsdk.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RenderersTest {
  private static final String ID = "linkerd-identity";

  private static CheckResult ok(String description) {
    return CheckResult.builder(ID, description)
        .hintAnchor("a-" + description.length())
        .severity(Severity.FATAL)
        .passed()
        .build();
  }

  private static CheckReport mixed() {
    return CheckReport.builder()
        .add(ok("certificate config is valid"))
        .add(
            CheckResult.builder(ID, "trust anchors are valid for at least 60 days")
                .hintAnchor("l5d-identity-trustAnchors-not-expiring-soon")
                .severity(Severity.WARNING)
                .failed("Anchors expiring soon:\n\t* 1 root will expire on 2026-02-01T00:00:00Z")
                .build())
        .add(CheckResult.builder(ID, "skipped one").skipped("not applicable").build())
        .add(
            CheckResult.builder(ID, "issuer cert is issued by the trust anchor")
                .hintAnchor("l5d-identity-issuer-cert-issued-by-trust-anchor")
                .failed("x509: certificate signed by unknown authority")
                .build())
        .add(
            CheckResult.builder(
                    "linkerd-webhooks-and-apisvc-tls", "proxy-injector webhook has valid cert")
                .hintAnchor("l5d-proxy-injector-webhook-cert-valid")
                .passed()
                .build())
        .build();
  }

  @Test
  void should_render_linkerd_table_exactly() {
    String text = ReportFormat.TABLE.render(mixed());

    assertThat(text)
        .isEqualTo(
            ""
                + "linkerd-identity\n"
                + "----------------\n"
                + "\u221A certificate config is valid\n"
                + "\u203C trust anchors are valid for at least 60 days\n"
                + "    Anchors expiring soon:\n"
                + "\t* 1 root will expire on 2026-02-01T00:00:00Z\n"
                + "    see https://linkerd.io/2/checks/#l5d-identity-trustAnchors-not-expiring-soon"
                + " for hints\n"
                + "\u00D7 issuer cert is issued by the trust anchor\n"
                + "    x509: certificate signed by unknown authority\n"
                + "    see https://linkerd.io/2/checks/#l5d-identity-issuer-cert-issued-by-trust-anchor"
                + " for hints\n"
                + "\n"
                + "linkerd-webhooks-and-apisvc-tls\n"
                + "-------------------------------\n"
                + "\u221A proxy-injector webhook has valid cert\n"
                + "\n"
                + "Status check results are \u00D7\n");
  }

  @Test
  void should_render_success_status_and_colors() {
    CheckReport report = CheckReport.builder().add(ok("certificate config is valid")).build();

    assertThat(ReportRenderer.table().render(report))
        .isEqualTo(
            "linkerd-identity\n----------------\n\u221A certificate config is valid\n\n"
                + "Status check results are \u221A\n");
    assertThat(ReportRenderer.coloredTable().render(report))
        .isEqualTo(
            "linkerd-identity\n----------------\n\u001b[32;1m\u221A\u001b[0m certificate config"
                + " is valid\n\nStatus check results are \u001b[32;1m\u221A\u001b[0m\n");
  }

  @Test
  void should_print_verbose_success_after_the_description() {
    CheckReport report =
        CheckReport.builder()
            .add(CheckResult.builder("c", "d").passed("detail line").build())
            .build();

    assertThat(ReportFormat.TABLE.render(report))
        .isEqualTo("c\n-\n\u221A d\ndetail line\n\nStatus check results are \u221A\n");
    assertThat(ReportFormat.JSON.render(report)).contains("\"description\": \"d\\ndetail line\"");
  }

  @Test
  void should_render_short_form_with_failures_only() {
    assertThat(ReportFormat.SHORT.render(mixed()))
        .isEqualTo(
            ""
                + "linkerd-identity\n"
                + "----------------\n"
                + "\u203C trust anchors are valid for at least 60 days\n"
                + "    Anchors expiring soon:\n"
                + "\t* 1 root will expire on 2026-02-01T00:00:00Z\n"
                + "    see https://linkerd.io/2/checks/#l5d-identity-trustAnchors-not-expiring-soon"
                + " for hints\n"
                + "\u00D7 issuer cert is issued by the trust anchor\n"
                + "    x509: certificate signed by unknown authority\n"
                + "    see https://linkerd.io/2/checks/#l5d-identity-issuer-cert-issued-by-trust-anchor"
                + " for hints\n"
                + "\n"
                + "Status check results are \u00D7\n");
    CheckReport allGood = CheckReport.builder().add(ok("x")).build();
    assertThat(ReportFormat.SHORT.render(allGood)).isEqualTo("Status check results are \u221A\n");
  }

  @Test
  void should_render_linkerd_json_exactly() {
    assertThat(ReportFormat.JSON.render(mixed()))
        .isEqualTo(
            ""
                + "{\n"
                + "  \"success\": false,\n"
                + "  \"categories\": [\n"
                + "    {\n"
                + "      \"categoryName\": \"linkerd-identity\",\n"
                + "      \"checks\": [\n"
                + "        {\n"
                + "          \"description\": \"certificate config is valid\",\n"
                + "          \"result\": \"success\"\n"
                + "        },\n"
                + "        {\n"
                + "          \"description\": \"trust anchors are valid for at least 60 days\",\n"
                + "          \"hint\": \"https://linkerd.io/2/checks/#l5d-identity-trustAnchors-not-"
                + "expiring-soon\",\n"
                + "          \"error\": \"Anchors expiring soon:\\n\\t* 1 root will expire on"
                + " 2026-02-01T00:00:00Z\",\n"
                + "          \"result\": \"warning\"\n"
                + "        },\n"
                + "        {\n"
                + "          \"description\": \"issuer cert is issued by the trust anchor\",\n"
                + "          \"hint\": \"https://linkerd.io/2/checks/#l5d-identity-issuer-cert-issued-by-"
                + "trust-anchor\",\n"
                + "          \"error\": \"x509: certificate signed by unknown authority\",\n"
                + "          \"result\": \"error\"\n"
                + "        }\n"
                + "      ]\n"
                + "    },\n"
                + "    {\n"
                + "      \"categoryName\": \"linkerd-webhooks-and-apisvc-tls\",\n"
                + "      \"checks\": [\n"
                + "        {\n"
                + "          \"description\": \"proxy-injector webhook has valid cert\",\n"
                + "          \"result\": \"success\"\n"
                + "        }\n"
                + "      ]\n"
                + "    }\n"
                + "  ]\n"
                + "}\n");
  }

  @Test
  void should_render_null_categories_and_go_escapes_in_json() {
    assertThat(ReportFormat.JSON.render(CheckReport.builder().build()))
        .isEqualTo("{\n  \"success\": true,\n  \"categories\": null\n}\n");
    CheckReport report =
        CheckReport.builder()
            .add(CheckResult.builder("c", "d").failed("a \"q\" <b> & \\ \u2028 \u0001").build())
            .build();
    assertThat(ReportFormat.JSON.render(report))
        .contains("\"error\": \"a \\\"q\\\" \\u003cb\\u003e \\u0026 \\\\ \\u2028 \\u0001\"");
  }

  @Test
  void should_render_junit_xml() {
    assertThat(ReportFormat.JUNIT.render(mixed()))
        .isEqualTo(
            ""
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"mesh-check\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
                + "  <testsuite name=\"linkerd-identity\" tests=\"3\" failures=\"1\" errors=\"0\""
                + " skipped=\"0\">\n"
                + "    <testcase classname=\"linkerd-identity\" name=\"certificate config is valid\"/>\n"
                + "    <testcase classname=\"linkerd-identity\" name=\"trust anchors are valid for at"
                + " least 60 days\">\n"
                + "      <system-out>warning: Anchors expiring soon:\n"
                + "\t* 1 root will expire on 2026-02-01T00:00:00Z\n"
                + "see https://linkerd.io/2/checks/#l5d-identity-trustAnchors-not-expiring-soon for hints"
                + "</system-out>\n"
                + "    </testcase>\n"
                + "    <testcase classname=\"linkerd-identity\" name=\"issuer cert is issued by the trust"
                + " anchor\">\n"
                + "      <failure type=\"error\" message=\"x509: certificate signed by unknown authority\">"
                + "x509: certificate signed by unknown authority\n"
                + "see https://linkerd.io/2/checks/#l5d-identity-issuer-cert-issued-by-trust-anchor for"
                + " hints</failure>\n"
                + "    </testcase>\n"
                + "  </testsuite>\n"
                + "  <testsuite name=\"linkerd-webhooks-and-apisvc-tls\" tests=\"1\" failures=\"0\""
                + " errors=\"0\" skipped=\"0\">\n"
                + "    <testcase classname=\"linkerd-webhooks-and-apisvc-tls\" name=\"proxy-injector"
                + " webhook has valid cert\"/>\n"
                + "  </testsuite>\n"
                + "</testsuites>\n");
  }

  @Test
  void should_escape_xml_attributes() {
    CheckReport report =
        CheckReport.builder()
            .add(
                CheckResult.builder("c", "a<b>&\"").severity(Severity.FATAL).failed("x\ny").build())
            .build();
    assertThat(ReportRenderer.junit("s").render(report))
        .contains("name=\"a&lt;b&gt;&amp;&quot;\"")
        .contains("<failure type=\"fatal\" message=\"x&#10;y\">x\ny</failure>");
  }

  @Test
  void should_parse_format_names() {
    assertThat(ReportFormat.parse("JSON")).isEqualTo(ReportFormat.JSON);
    assertThatThrownBy(() -> ReportFormat.parse("yaml"))
        .isInstanceOf(io.meshsdk.core.ConfigurationException.class)
        .hasMessage("unknown output format 'yaml'; expected one of table, short, json, junit");
  }
}
