package io.meshsdk.core.linkerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.KeySchema;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.UnknownKey;
import io.meshsdk.core.values.ValuesBuilder;
import io.meshsdk.core.values.ValuesException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnknownKeysTest {

  private static List<UnknownKey> cp(String set) {
    return LinkerdChart.CONTROL_PLANE.unknownKeys(SetFlag.SET.parse(set));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "proxyinit.runAsRoot=true, proxyInit.runAsRoot",
    "proxy.logLvel=debug, proxy.logLevel",
    "proxy.imag.name=x, proxy.image.name",
    "controllerReplica=2, controllerReplicas",
    "clusterDomian=x, clusterDomain",
    "enablePodAntiAfinity=true, enablePodAntiAffinity",
    "proxy.ports.admn=1, proxy.ports.admin",
    "identity.issuer.sheme=x, identity.issuer.scheme",
    "podannotations.a=b, podAnnotations.a",
    "runAsRoot=true, proxyInit.runAsRoot",
    "ports.admin=1, proxy.ports.admin",
    "proxy.isingress=true, proxy.isIngress",
  })
  void should_suggest_the_closest_known_key(String set, String suggestion) {
    assertThat(cp(set))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.suggestion()).contains(suggestion);
              assertThat(u.message()).isEqualTo(u.path() + " — did you mean " + suggestion + "?");
            });
  }

  @Test
  void should_report_the_example_of_the_issue() {
    assertThat(cp("proxyinit.runAsRoot=true").get(0).message())
        .isEqualTo("proxyinit.runAsRoot — did you mean proxyInit.runAsRoot?");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy.isIngress=true",
        "proxy.accessLog=json",
        "proxy.podInboundPorts=80",
        "proxy.inbound.server.http2.keepAliveInterval=1s",
        "proxy.outbound.server.http1.anything=1",
        "proxy.inbound.foo.bar.baz=1",
        "proxy.additionalEnv[0].name=A",
        "proxy.runtime.workers.maximum=2",
        "proxy.securityContext.runAsUser=1",
        "proxy.tracing.labels.team=a",
        "podAnnotations.anything=x",
        "podLabels.app=x",
        "nodeSelector.zone=a",
        "deploymentStrategy.type=Recreate",
        "destinationResources.cpu.limit=1",
        "proxyInjectorProxyResources.memory.request=1Mi",
        "identityResources.ephemeral-storage.limit=1",
        "tolerations[0].key=a",
        "imagePullSecrets[0].name=s",
        "heartbeatSchedule=x",
        "cliVersion=x",
        "global.anything=1",
        "partials.anything=1",
        "identityTrustAnchorsPEM=x",
        "installGatewayAPI=true",
        "enableHttpRoutes=true",
        "highAvailability=true",
        "controllerResources.cpu.request=1",
        "proxy.cores=1",
        "configReaders[0].name=x",
        "proxyInjector.namespaceSelector.matchLabels.a=b",
      })
  void should_know_keys_linkerd_reads_without_a_default(String set) {
    assertThat(cp(set)).isEmpty();
  }

  @Test
  void should_report_removed_keys_with_their_replacement() {
    assertThat(cp("policyController.defaultAllowPolicy=deny,proxyInit.image.name=x,namespace=l5d"))
        .extracting(UnknownKey::message)
        .containsExactly(
            "policyController.defaultAllowPolicy — no longer a chart value; use"
                + " proxy.defaultInboundPolicy",
            "proxyInit.image.name — no longer a chart value; use proxy.image.name",
            "namespace — no longer a chart value");
  }

  @Test
  void should_report_each_leaf_under_an_unknown_key_and_give_up_on_nonsense() {
    List<UnknownKey> found = cp("proxyinit.runAsRoot=true,proxyinit.runAsUser=1,zzz.qqq=1,a=1");
    assertThat(found)
        .extracting(UnknownKey::path)
        .containsExactly("proxyinit.runAsRoot", "proxyinit.runAsUser", "zzz.qqq", "a");
    assertThat(found.get(2).suggestion()).isEmpty();
    assertThat(found.get(2).message()).isEqualTo("zzz.qqq — not a known key");
    assertThat(found.get(3).suggestion()).isEmpty();
  }

  @Test
  void should_escape_dots_in_reported_keys() {
    assertThat(cp("nodeSelectr.kubernetes\\.io/os=linux"))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.path()).isEqualTo("nodeSelectr.kubernetes\\.io/os");
              assertThat(u.suggestion()).contains("nodeSelector.kubernetes\\.io/os");
            });
  }

  @ParameterizedTest
  @EnumSource(LinkerdChart.class)
  void should_know_every_key_of_its_own_defaults(LinkerdChart chart) {
    assertThat(chart.unknownKeys(chart.defaults())).isEmpty();
    chart.haValues().ifPresent(ha -> assertThat(chart.unknownKeys(ha)).isEmpty());
  }

  @Test
  void should_check_viz_keys() {
    List<UnknownKey> found =
        LinkerdChart.VIZ.unknownKeys(
            SetFlag.SET.parse(
                "grafanaUrl=x,prometheus.enabld=false,prometheusUrl=http://p,tap.replicas=2"));
    assertThat(found)
        .extracting(UnknownKey::message)
        .containsExactly(
            "grafanaUrl — no longer a chart value; use grafana.url",
            "prometheus.enabld — did you mean prometheus.enabled?");
  }

  @Test
  void should_build_schemas_from_rules() {
    KeySchema s =
        KeySchema.fromDefaults(HelmValues.fromYaml("a: {b: 1}\nfree: {}\n", "d"))
            .withRules("# c\nx.y\nopen.*\nalias = a\nold -> a.b\n\n");
    assertThat(s.isKnown("x.y")).isTrue();
    assertThat(s.isKnown("x.z")).isFalse();
    assertThat(s.isKnown("open.any.thing")).isTrue();
    assertThat(s.isKnown("alias.b")).isTrue();
    assertThat(s.isKnown("alias.c")).isFalse();
    assertThat(s.isKnown("free.k")).isTrue();
    assertThat(s.unknownKeys(SetFlag.SET.parse("old=1")).get(0).suggestion()).contains("a.b");
  }

  @Test
  void should_list_unknown_keys_of_a_chart_builder_and_refuse_them_in_strict_mode() {
    LayeredValues v =
        LinkerdChart.CONTROL_PLANE
            .valuesBuilder()
            .set("proxy.port.admin=1,proxy.inbound.anything=2,proxy.logLevel=debug")
            .build();
    assertThat(v.unknownKeys())
        .extracting(UnknownKey::describe)
        .containsExactly("unknown key proxy.port.admin — did you mean proxy.ports.admin?");

    ValuesBuilder strict =
        LinkerdChart.CONTROL_PLANE.valuesBuilder().set("proxy.port.admin=1").strict();
    assertThatThrownBy(strict::build)
        .isInstanceOf(ValuesException.class)
        .hasMessage(
            "keys the chart does not know (strict): unknown key proxy.port.admin — did"
                + " you mean proxy.ports.admin?");
    // free-form maps stay free in strict mode too
    assertThat(
            LinkerdChart.CONTROL_PLANE
                .valuesBuilder()
                .set("proxy.outbound.x=1")
                .strict()
                .build()
                .unknownKeys())
        .isEmpty();
  }

  @Test
  void should_need_a_key_schema_for_strict_mode() {
    assertThatThrownBy(() -> ValuesBuilder.create().strict())
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("keySchema");
    assertThat(ValuesBuilder.create().set("anything=1").build().unknownKeys()).isEmpty();
  }
}
