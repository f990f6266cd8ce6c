package io.meshsdk.inject;

import static io.meshsdk.inject.TestValues.container;
import static io.meshsdk.inject.TestValues.deployment;
import static io.meshsdk.inject.TestValues.doc;
import static io.meshsdk.inject.TestValues.env;
import static io.meshsdk.inject.TestValues.list;
import static io.meshsdk.inject.TestValues.map;
import static io.meshsdk.inject.TestValues.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.ConfigurationException;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.LinkerdValues;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.UnknownKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InjectorTest {

  private static Map<String, Object> podSpec(ManifestResult r) {
    return map(r.manifest().root(), "spec", "template", "spec");
  }

  private static Map<String, Object> podMeta(ManifestResult r) {
    return map(r.manifest().root(), "spec", "template", "metadata");
  }

  @Test
  void should_keep_every_field_and_key_order_when_annotating() {
    Map<String, Object> in =
        doc(
            "kind: Deployment\n"
                + "apiVersion: apps/v1\n"
                + "metadata: {name: web, creationTimestamp: null}\n"
                + "spec:\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      annotations: {zeta: '1', alpha: '2'}\n"
                + "    spec:\n"
                + "      hostNetwork: false\n"
                + "      containers: [{name: app, image: x, resources: {}}]\n"
                + "status: {}\n");
    String before = Yamls.dump(in);
    ManifestResult r = TestValues.annotate().build().inject(Manifest.of(in));

    assertThat(Yamls.dump(in)).as("input untouched").isEqualTo(before);
    assertThat(List.copyOf(map(r.manifest().root()).keySet()))
        .containsExactly("kind", "apiVersion", "metadata", "spec", "status");
    assertThat(
            List.copyOf(
                    map(r.manifest().root(), "spec", "template", "metadata", "annotations")
                        .entrySet())
                .toString())
        .isEqualTo("[zeta=1, alpha=2, linkerd.io/inject=enabled]");
    assertThat(podSpec(r)).containsEntry("hostNetwork", false);
    assertThat(map(r.manifest().root(), "metadata")).containsEntry("creationTimestamp", null);
    assertThat(r.resources())
        .extracting(ResourceReport::line)
        .containsExactly("deployment \"web\" injected");
  }

  @Test
  void should_take_documents_only_as_manifests_so_none_is_silently_skipped() {
    for (Class<?> type : List.of(Injector.class, Injector.Session.class, Uninjector.class)) {
      for (java.lang.reflect.Method m : type.getMethods()) {
        if (m.getName().equals("inject") || m.getName().equals("uninject")) {
          assertThat(m.getParameterTypes())
              .as("%s.%s", type.getSimpleName(), m.getName())
              .containsExactly(Manifest.class);
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_return_results_that_share_nothing_mutable_with_the_callers_tree() {
    Map<String, Object> mine = deployment("web", "", "");
    ManifestResult r = TestValues.manual().build().inject(Manifest.of(mine));
    String before = Yamls.dump(r.manifest().root());
    map(mine, "spec", "template", "spec").put("hostNetwork", true);
    ((List<Object>) map(mine, "spec", "template", "spec").get("containers")).clear();
    assertThat(Yamls.dump(r.manifest().root())).isEqualTo(before);
    assertThatThrownBy(() -> podSpec(r).put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list(podSpec(r), "containers").clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_share_untouched_subtrees_and_return_unsupported_documents_as_they_are() {
    Manifest cm = Manifest.of(doc("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"));
    Injector injector = TestValues.manual().build();
    ManifestResult r = injector.inject(cm);
    assertThat(r.manifest()).isSameAs(cm);
    assertThat(r.resources().get(0).skipReason())
        .contains(ResourceReport.SkipReason.UNSUPPORTED_KIND);

    Manifest d = Manifest.of(deployment("web", "", ""));
    ManifestResult injected = injector.inject(d);
    assertThat(map(injected.manifest().root(), "spec", "template", "spec", "containers", 0))
        .isSameAs(map(d.root(), "spec", "template", "spec", "containers", 0));
  }

  @Test
  void should_put_native_sidecar_proxy_before_existing_init_containers() {
    Map<String, Object> d =
        deployment("web", "", "      initContainers:\n      - name: migrate\n        image: m\n");
    ManifestResult r = TestValues.manual().build().inject(Manifest.of(d));
    assertThat(names(list(podSpec(r), "initContainers")))
        .containsExactly("linkerd-init", "linkerd-proxy", "migrate");
    assertThat(names(list(podSpec(r), "containers"))).containsExactly("app");
    assertThat(container(podSpec(r), "linkerd-proxy")).containsEntry("restartPolicy", "Always");
    assertThat(names(list(podSpec(r), "volumes")))
        .containsExactly(
            "linkerd-proxy-init-xtables-lock",
            "linkerd-identity-end-entity",
            "linkerd-identity-token");
    assertThat(List.copyOf(podSpec(r).keySet()))
        .as("existing keys keep their place, new ones are appended")
        .containsExactly("containers", "initContainers", "volumes");
    ManifestResult fresh =
        TestValues.manual().build().inject(Manifest.of(deployment("web", "", "")));
    assertThat(List.copyOf(podSpec(fresh).keySet()))
        .as("a new initContainers goes before containers")
        .containsExactly("initContainers", "containers", "volumes");
  }

  @Test
  void should_place_the_proxy_first_with_a_post_start_hook_without_native_sidecars() {
    Map<String, Object> d =
        deployment("web", "", "      initContainers:\n      - name: migrate\n        image: m\n");
    ManifestResult r =
        TestValues.manual("proxy.nativeSidecar=false", "proxy.waitBeforeExitSeconds=30")
            .debugSidecar(true)
            .build()
            .inject(Manifest.of(d));
    assertThat(names(list(podSpec(r), "initContainers")))
        .containsExactly("migrate", "linkerd-init");
    assertThat(names(list(podSpec(r), "containers")))
        .containsExactly("linkerd-proxy", "app", "linkerd-debug");
    Map<String, Object> proxy = container(podSpec(r), "linkerd-proxy");
    assertThat(proxy).doesNotContainKeys("restartPolicy", "startupProbe");
    assertThat(list(proxy, "lifecycle", "postStart", "exec", "command"))
        .containsExactly("/usr/lib/linkerd/linkerd-await", "--timeout=2m", "--port=4191");
    assertThat(list(proxy, "lifecycle", "preStop", "exec", "command"))
        .containsExactly("/bin/sleep", "30");
    assertThat(podMeta(r).get("annotations").toString())
        .contains("config.linkerd.io/enable-debug-sidecar=true");
  }

  @Test
  void should_append_the_proxy_without_await() {
    ManifestResult r =
        TestValues.manual("proxy.nativeSidecar=false", "proxy.await=false")
            .build()
            .inject(Manifest.of(deployment("web", "", "")));
    assertThat(names(list(podSpec(r), "containers"))).containsExactly("app", "linkerd-proxy");
    assertThat(container(podSpec(r), "linkerd-proxy")).doesNotContainKey("lifecycle");
  }

  @Test
  void should_use_the_network_validator_with_cni() {
    ManifestResult r =
        TestValues.manual("cniEnabled=true").build().inject(Manifest.of(deployment("w", "", "")));
    assertThat(names(list(podSpec(r), "initContainers")))
        .containsExactly("linkerd-network-validator", "linkerd-proxy");
    assertThat(names(list(podSpec(r), "volumes")))
        .containsExactly("linkerd-identity-end-entity", "linkerd-identity-token");
    Map<String, Object> validator = container(podSpec(r), "linkerd-network-validator");
    assertThat(list(validator, "args"))
        .containsExactly(
            "--log-format",
            "plain",
            "--log-level",
            "debug",
            "--connect-addr",
            "1.1.1.1:20001",
            "--listen-addr",
            "0.0.0.0:4140",
            "--timeout",
            "10s");
    assertThat(map(validator, "securityContext")).containsEntry("runAsUser", 65534);
  }

  @Test
  void should_write_linkerd_metadata_in_manual_mode() {
    ManifestResult r = TestValues.manual().build().inject(Manifest.of(deployment("web", "", "")));
    assertThat(map(podMeta(r), "labels"))
        .containsExactly(
            Map.entry("app", "web"),
            Map.entry("linkerd.io/control-plane-ns", "linkerd"),
            Map.entry("linkerd.io/proxy-deployment", "web"),
            Map.entry("linkerd.io/workload-ns", "shop"));
    assertThat(map(podMeta(r), "annotations"))
        .containsEntry("linkerd.io/created-by", "test/cli")
        .containsEntry("linkerd.io/proxy-version", "proxy-version")
        .containsEntry("linkerd.io/trust-root-sha256", TestValues.TRUST_ROOT_SHA256);
    Map<String, Object> proxyEnv = env(container(podSpec(r), "linkerd-proxy"));
    assertThat(proxyEnv).containsEntry("LINKERD2_PROXY_INBOUND_PORTS", "8080");
    assertThat(proxyEnv.keySet())
        .startsWith(
            "_pod_name",
            "_pod_ns",
            "_pod_uid",
            "_pod_ip",
            "_pod_nodeName",
            "_pod_containerName",
            "LINKERD2_PROXY_CORES");
    assertThat(proxyEnv.keySet())
        .endsWith(
            "LINKERD2_PROXY_IDENTITY_SVC_NAME",
            "LINKERD2_PROXY_DESTINATION_SVC_NAME",
            "LINKERD2_PROXY_POLICY_SVC_NAME");
  }

  @Test
  void should_read_the_pod_templates_own_configuration_annotations() {
    String meta =
        "      annotations:\n"
            + "        config.linkerd.io/proxy-cpu-request: '0.5'\n"
            + "        config.linkerd.io/proxy-cpu-limit: '1500m'\n"
            + "        config.linkerd.io/proxy-memory-limit: 1Gi\n"
            + "        config.linkerd.io/proxy-log-level: debug\n"
            + "        config.linkerd.io/proxy-log-http-headers: insecure\n"
            + "        config.linkerd.io/proxy-outbound-connect-timeout: 1.5s\n"
            + "        config.linkerd.io/proxy-inbound-discovery-cache-unused-timeout: 2m\n"
            + "        config.linkerd.io/proxy-disable-inbound-protocol-detect-timeout: 'true'\n"
            + "        config.linkerd.io/opaque-ports: http,9000-9010\n"
            + "        config.linkerd.io/enable-external-profiles: 'true'\n"
            + "        config.linkerd.io/enable-gateway: 'true'\n"
            + "        config.linkerd.io/access-log: json\n"
            + "        config.linkerd.io/shutdown-grace-period: 30s\n"
            + "        config.linkerd.io/proxy-gid: '3000'\n"
            + "        config.linkerd.io/proxy-await: disabled\n"
            + "        config.linkerd.io/skip-subnets: 10.0.0.0/8\n"
            + "        config.linkerd.io/default-inbound-policy: deny\n"
            + "        config.linkerd.io/proxy-require-identity-inbound-ports: '8080'\n"
            + "        config.linkerd.io/proxy-additional-env: "
            + "'[{\"name\":\"EXTRA\",\"value\":\"1\"}]'\n";
    ManifestResult r = TestValues.manual().build().inject(Manifest.of(deployment("web", meta, "")));
    Map<String, Object> proxy = container(podSpec(r), "linkerd-proxy");
    Map<String, Object> e = env(proxy);
    assertThat(e)
        .containsEntry("LINKERD2_PROXY_CORES", "1")
        .containsEntry("LINKERD2_PROXY_CORES_MAX", "2")
        .containsEntry("LINKERD2_PROXY_LOG", "debug")
        .containsEntry("LINKERD2_PROXY_OUTBOUND_CONNECT_TIMEOUT", "1500ms")
        .containsEntry("LINKERD2_PROXY_INBOUND_DISCOVERY_IDLE_TIMEOUT", "120s")
        .containsEntry("LINKERD2_PROXY_INBOUND_DETECT_TIMEOUT", "365d")
        .containsEntry("LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION", "8080,9000-9010")
        .containsEntry("LINKERD2_PROXY_DESTINATION_PROFILE_SUFFIXES", ".")
        .containsEntry("LINKERD2_PROXY_INBOUND_GATEWAY_SUFFIXES", "svc.cluster.local.")
        .containsEntry("LINKERD2_PROXY_ACCESS_LOG", "json")
        .containsEntry("LINKERD2_PROXY_SHUTDOWN_GRACE_PERIOD", "30000ms")
        .containsEntry("LINKERD2_PROXY_INBOUND_DEFAULT_POLICY", "deny")
        .containsEntry("LINKERD2_PROXY_INBOUND_PORTS_REQUIRE_IDENTITY", "8080")
        .containsEntry("EXTRA", "1");
    assertThat(map(proxy, "resources").toString())
        .isEqualTo("{limits={cpu=1500m, memory=1Gi}, requests={cpu=500m}}");
    assertThat(map(proxy, "securityContext")).containsEntry("runAsGroup", 3000);
    assertThat(proxy).doesNotContainKey("startupProbe");
    Map<String, Object> init = container(podSpec(r), "linkerd-init");
    assertThat(list(init, "args"))
        .containsSequence("--proxy-gid", "3000")
        .containsSequence("--subnets-to-ignore", "10.0.0.0/8");
  }

  @Test
  void should_copy_capabilities_and_the_service_account_mount() {
    String extra =
        "        securityContext:\n"
            + "          capabilities: {add: [NET_ADMIN, SYS_TIME], drop: [ALL, NET_RAW]}\n"
            + "        volumeMounts:\n"
            + "        - {name: sa, mountPath: /var/run/secrets/kubernetes.io/serviceaccount,"
            + " readOnly: true}\n";
    ManifestResult r = TestValues.manual().build().inject(Manifest.of(deployment("w", "", extra)));
    Map<String, Object> proxy = container(podSpec(r), "linkerd-proxy");
    assertThat(map(proxy, "securityContext", "capabilities").toString())
        .isEqualTo("{add=[NET_ADMIN, SYS_TIME], drop=[ALL, NET_RAW]}");
    assertThat(list(proxy, "volumeMounts"))
        .last()
        .asString()
        .isEqualTo(
            "{mountPath=/var/run/secrets/kubernetes.io/serviceaccount, name=sa, readOnly=true}");
    Map<String, Object> init = container(podSpec(r), "linkerd-init");
    assertThat(map(init, "securityContext", "capabilities").toString())
        .isEqualTo("{add=[NET_ADMIN, NET_RAW, NET_ADMIN, SYS_TIME], drop=[ALL]}");
    assertThat(names(list(init, "volumeMounts")))
        .containsExactly("linkerd-proxy-init-xtables-lock", "sa");
  }

  @Test
  void should_use_a_custom_proxy_security_context_verbatim() {
    ManifestResult r =
        TestValues.manual("proxy.securityContext.runAsUser=1234")
            .build()
            .inject(Manifest.of(deployment("w", "", "")));
    assertThat(map(container(podSpec(r), "linkerd-proxy"), "securityContext"))
        .isEqualTo(Map.of("runAsUser", 1234L));
  }

  @Test
  void should_configure_tracing() {
    String meta = "      annotations:\n        resource.opentelemetry.io/team: payments\n";
    ManifestResult r =
        TestValues.manual(
                "proxy.tracing.enabled=true",
                "proxy.tracing.collector.endpoint=collector.tracing:4317",
                "proxy.tracing.collector.meshIdentity.serviceAccountName=collector",
                "proxy.tracing.collector.meshIdentity.namespace=tracing")
            .build()
            .inject(
                Manifest.of(
                    deployment("w", "        app.kubernetes.io/name: shop-web\n" + meta, "")));
    Map<String, Object> proxy = container(podSpec(r), "linkerd-proxy");
    assertThat(env(proxy))
        .containsEntry("LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR", "collector.tracing:4317")
        .containsEntry(
            "LINKERD2_PROXY_TRACE_COLLECTOR_SVC_NAME",
            "collector.tracing.serviceaccount.identity.linkerd.cluster.local")
        .containsEntry(
            "LINKERD2_PROXY_TRACE_EXTRA_ATTRIBUTES",
            "k8s.container.name=$(_pod_containerName)\nk8s.pod.ip=$(_pod_ip)\n"
                + "k8s.pod.uid=$(_pod_uid)\nservice.name=shop-web\nteam=payments\n");
    assertThat(names(list(podSpec(r), "volumes"))).contains("linkerd-podinfo");
    assertThat(names(list(proxy, "volumeMounts"))).contains("linkerd-podinfo");
  }

  @Test
  void should_refuse_tracing_without_a_collector() {
    Injector injector = TestValues.manual("proxy.tracing.enabled=true").build();
    assertThatThrownBy(() -> injector.inject(Manifest.of(deployment("w", "", ""))))
        .isInstanceOf(InjectionException.class)
        .hasMessageContaining("proxy.tracing.collector.endpoint");
  }

  @Test
  void should_require_run_as_root_for_the_close_wait_timeout() {
    Injector injector = TestValues.manual().closeWaitTimeout(Duration.ofSeconds(60)).build();
    assertThatThrownBy(() -> injector.inject(Manifest.of(deployment("w", "", ""))))
        .isInstanceOf(InjectionException.class)
        .hasMessage("proxyInit.runAsRoot must be set to use proxyInit.closeWaitTimeoutSecs");

    ManifestResult r =
        TestValues.manual("proxyInit.runAsRoot=true")
            .closeWaitTimeout(Duration.ofSeconds(90))
            .build()
            .inject(Manifest.of(deployment("w", "", "")));
    assertThat(map(podMeta(r), "annotations"))
        .containsEntry("config.linkerd.io/close-wait-timeout", "1m30s");
    Map<String, Object> init = container(podSpec(r), "linkerd-init");
    assertThat(list(init, "args")).containsSequence("--timeout-close-wait-secs", "90");
    assertThat(map(init, "securityContext"))
        .containsEntry("privileged", true)
        .containsEntry("allowPrivilegeEscalation", true)
        .containsEntry("runAsUser", 0)
        .containsEntry("runAsNonRoot", false);
  }

  @Test
  void should_refuse_to_build_a_manual_injector_without_trust_anchors() {
    Injector.Builder b =
        Injector.builder()
            .installedValues(LinkerdChart.CONTROL_PLANE.defaults())
            .mode(InjectMode.PROXY);
    assertThatThrownBy(b::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Please provide the identity trust anchors: identityTrustAnchorsPEM is empty"
                + " (set it with --set-file identityTrustAnchorsPEM=ca.crt)")
        .extracting(e -> ((ConfigurationException) e).valuesPath())
        .isEqualTo(Optional.of("identityTrustAnchorsPEM"));
    // annotation mode renders no proxy: the anchors are not needed
    Manifest w = Manifest.of(deployment("w", "", ""));
    assertThat(b.mode(InjectMode.ANNOTATE).build().inject(w).manifest()).isNotSameAs(w);
  }

  @Test
  void should_refuse_to_build_a_manual_injector_whose_proxy_image_would_be_a_colon() {
    HelmValues noImage =
        LinkerdChart.CONTROL_PLANE
            .valuesBuilder()
            .set("identityTrustAnchorsPEM=x,proxy.image.name=,proxy.image.version=,linkerdVersion=")
            .build()
            .values();
    assertThatThrownBy(
            () -> Injector.builder().installedValues(noImage).mode(InjectMode.PROXY).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "the proxy image name is missing: proxy.image.name is empty (set it with"
                + " --set proxy.image.name=cr.l5d.io/linkerd/proxy); the proxy image version is"
                + " missing (nor is linkerdVersion set): proxy.image.version is empty (set it with"
                + " --set proxy.image.version=<linkerd version>)");
    assertThatThrownBy(
            () ->
                Injector.builder()
                    .installedValues(noImage)
                    .override("proxy.image.name=p")
                    .override("proxy.image.version=v")
                    .debugSidecar(true)
                    .mode(InjectMode.PROXY)
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("the debug image version is missing");
  }

  @Test
  void should_honour_iptables_mode_and_ipv6() {
    ManifestResult r =
        TestValues.manual("proxyInit.iptablesMode=legacy", "disableIPv6=false")
            .build()
            .inject(Manifest.of(deployment("w", "", "")));
    Map<String, Object> init = container(podSpec(r), "linkerd-init");
    assertThat(list(init, "args")).doesNotContain("--firewall-bin-path", "--ipv6=false");
    assertThat(env(container(podSpec(r), "linkerd-proxy")))
        .containsEntry("LINKERD2_PROXY_ADMIN_LISTEN_ADDR", "[::]:4191")
        .containsEntry("LINKERD2_PROXY_OUTBOUND_LISTEN_ADDRS", "127.0.0.1:4140,[::1]:4140");

    Injector bad = TestValues.manual("proxyInit.iptablesMode=ebpf").build();
    assertThatThrownBy(() -> bad.inject(Manifest.of(deployment("w", "", ""))))
        .hasMessageContaining("Unsupported value \"ebpf\" for proxyInit.iptablesMode");
  }

  @Test
  void should_refuse_like_linkerd() {
    Injector injector = TestValues.annotate().build();
    assertThatThrownBy(
            () -> injector.inject(Manifest.of(deployment("web", "", "      hostNetwork: true\n"))))
        .isInstanceOf(InjectionException.class)
        .hasMessage("failed to inject deployment/web: hostNetwork is enabled")
        .extracting(e -> ((InjectionException) e).category())
        .isEqualTo(InjectionException.Category.REFUSED);
    assertThatThrownBy(
            () ->
                injector.inject(
                    Manifest.of(
                        deployment(
                            "web",
                            "",
                            "      hostNetwork: true\n"
                                + "      initContainers: [{name: istio-init, image: x}]\n"))))
        .hasMessage(
            "failed to inject deployment/web: hostNetwork is enabled, pod has a sidecar injected"
                + " already");
    Map<String, Object> udpDisabled =
        deployment(
            "web",
            "      annotations: {linkerd.io/inject: disabled}\n",
            "      - name: dns\n        image: d\n        ports: [{containerPort: 53,"
                + " protocol: UDP}]\n");
    assertThatThrownBy(() -> injector.inject(Manifest.of(udpDisabled)))
        .hasMessage("failed to inject deployment/web: UDP port(s) configured on pod spec");

    Injector noProjection =
        TestValues.annotate("identity.serviceAccountTokenProjection=false").build();
    assertThatThrownBy(
            () ->
                noProjection.inject(
                    Manifest.of(
                        deployment("web", "", "      automountServiceAccountToken: false\n"))))
        .hasMessage(
            "failed to inject deployment/web: automountServiceAccountToken set to \"false\","
                + " with Values.identity.serviceAccountTokenProjection set to \"false\"");
  }

  @Test
  void should_skip_disabled_and_warn_about_udp() {
    Injector injector = TestValues.annotate().build();
    Manifest disabled =
        Manifest.of(deployment("web", "      annotations: {linkerd.io/inject: disabled}\n", ""));
    ManifestResult r = injector.inject(disabled);
    assertThat(r.manifest()).isSameAs(disabled);
    assertThat(r.resources().get(0).skipReason())
        .contains(ResourceReport.SkipReason.INJECT_DISABLED);

    ManifestResult udp =
        injector.inject(
            Manifest.of(
                deployment(
                    "dns",
                    "",
                    "      - name: dns\n        image: d\n        ports: [{containerPort:"
                        + " 53, protocol: UDP}]\n")));
    assertThat(udp.resources().get(0).action()).isEqualTo(ResourceReport.Action.INJECTED);
    assertThat(udp.resources().get(0).findings()).containsExactly(ResourceReport.Finding.UDP);
  }

  @Test
  void should_need_manual_mode_for_control_plane_components() {
    Map<String, Object> cp =
        deployment(
            "linkerd-destination",
            "        linkerd.io/control-plane-component: destination\n"
                + "      annotations: {linkerd.io/created-by: old}\n",
            "");
    assertThatThrownBy(() -> TestValues.annotate().build().inject(Manifest.of(cp)))
        .hasMessage("--manual must be set when injecting control plane components");
    ManifestResult r = TestValues.manual().build().inject(Manifest.of(cp));
    assertThat(map(podMeta(r), "labels"))
        .containsEntry("linkerd.io/control-plane-component", "destination");
    assertThat(map(podMeta(r), "annotations")).containsEntry("linkerd.io/created-by", "test/cli");
  }

  @Test
  void should_annotate_namespaces_with_all_overrides_and_services_with_opaque_ports() {
    Injector injector =
        TestValues.annotate()
            .override("proxy.ports.admin", 1234)
            .override("proxy.opaquePorts", "4000")
            .build();
    assertThat(injector.overrideAnnotations())
        .containsExactly(
            Map.entry("config.linkerd.io/admin-port", "1234"),
            Map.entry("config.linkerd.io/opaque-ports", "4000"));
    ManifestResult ns =
        injector.inject(
            Manifest.of(doc("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n")));
    assertThat(map(ns.manifest().root(), "metadata", "annotations"))
        .containsExactly(
            Map.entry("linkerd.io/inject", "enabled"),
            Map.entry("config.linkerd.io/admin-port", "1234"),
            Map.entry("config.linkerd.io/opaque-ports", "4000"));
    assertThat(ns.resources().get(0).action()).isEqualTo(ResourceReport.Action.ANNOTATED);

    ManifestResult svc =
        injector.inject(Manifest.of(doc("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n")));
    assertThat(map(svc.manifest().root(), "metadata", "annotations"))
        .containsExactly(Map.entry("config.linkerd.io/opaque-ports", "4000"));

    Manifest plainSvc = Manifest.of(doc("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"));
    ManifestResult skipped = TestValues.annotate().build().inject(plainSvc);
    assertThat(skipped.manifest()).isSameAs(plainSvc);
    assertThat(skipped.resources().get(0).line()).isEqualTo("service \"web\" skipped");
  }

  @Test
  void should_write_overrides_on_workloads_in_both_modes() {
    ManifestResult a =
        TestValues.annotate()
            .override("proxy.logLevel", "debug")
            .build()
            .inject(Manifest.of(deployment("w", "", "")));
    assertThat(map(podMeta(a), "annotations"))
        .containsExactly(
            Map.entry("config.linkerd.io/proxy-log-level", "debug"),
            Map.entry("linkerd.io/inject", "enabled"));
    ManifestResult m =
        TestValues.manual()
            .override("proxy.logLevel", "debug")
            .build()
            .inject(Manifest.of(deployment("w", "", "")));
    assertThat(map(podMeta(m), "annotations"))
        .containsEntry("config.linkerd.io/proxy-log-level", "debug");
    assertThat(env(container(podSpec(m), "linkerd-proxy")))
        .containsEntry("LINKERD2_PROXY_LOG", "debug,[{headers}]=off,[{request}]=off");
  }

  @Test
  void should_parse_overrides_as_helm_set_arguments_onto_the_installed_values() {
    Injector injector =
        Injector.builder()
            .installedValues(LinkerdValues.of(TestValues.installed("proxy.logLevel=info")))
            .override("proxy.opaquePorts=3000\\,5000-6000,proxy.ports.admin=1234")
            .override("proxy.logLevel=info") // the installed value: no annotation
            .override("proxy.isIngress=true")
            .override("cniEnabled=true") // no annotation of its own
            .build();
    assertThat(injector.overrideAnnotations())
        .containsExactly(
            Map.entry("config.linkerd.io/admin-port", "1234"),
            Map.entry("config.linkerd.io/opaque-ports", "3000,5000-6000"),
            Map.entry("linkerd.io/inject", "ingress"));
  }

  @Test
  void should_report_override_keys_linkerd_does_not_know_and_refuse_them_when_strict() {
    Injector injector =
        TestValues.annotate()
            .override("proxy.port.admin=1")
            .override("proxy.inbound.server.http2.keepAliveInterval", "10s") // free-form
            .override("proxyinit.runAsRoot", true)
            .override("proxy.ports.admin=1234")
            .build();
    assertThat(injector.unknownKeys())
        .extracting(UnknownKey::describe)
        .containsExactly(
            "unknown key proxy.port.admin — did you mean proxy.ports.admin?",
            "unknown key proxyinit.runAsRoot — did you mean proxyInit.runAsRoot?");
    assertThat(TestValues.annotate().override("proxy.ports.admin=1").build().unknownKeys())
        .isEmpty();
    assertThatThrownBy(
            () -> TestValues.annotate().override("proxy.port.admin=1").strictKeys().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "override keys Linkerd does not know (strict): unknown key proxy.port.admin"
                + " — did you mean proxy.ports.admin?");
  }

  @Test
  void should_derive_a_variant_with_to_builder_leaving_the_original_as_it_was() {
    Injector annotate = TestValues.annotate().override("proxy.ports.admin=1234").build();
    Injector manual = annotate.toBuilder().mode(InjectMode.PROXY).build();
    assertThat(manual.mode()).isEqualTo(InjectMode.PROXY);
    assertThat(annotate.mode()).isEqualTo(InjectMode.ANNOTATE);
    assertThat(manual.overrideAnnotations())
        .isEqualTo(annotate.overrideAnnotations())
        .containsEntry("config.linkerd.io/admin-port", "1234");
    Injector more = annotate.toBuilder().override("proxy.logLevel=debug").build();
    assertThat(more.overrideAnnotations())
        .containsKeys("config.linkerd.io/admin-port", "config.linkerd.io/proxy-log-level");
    assertThat(annotate.overrideAnnotations())
        .doesNotContainKey("config.linkerd.io/proxy-log-level");
  }

  @Test
  void should_name_the_override_helm_would_refuse() {
    assertThatThrownBy(() -> TestValues.annotate().override("proxy.ports.admin"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "invalid --override \"proxy.ports.admin\" at character 17: key \"admin\" has no value");
    assertThatThrownBy(() -> TestValues.annotate().override("proxy.image.name.x=1").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("invalid --override \"proxy.image.name.x=1\"");
  }

  @Test
  void should_write_the_ingress_annotation_like_linkerd() {
    ManifestResult a =
        TestValues.annotate().ingress(true).build().inject(Manifest.of(deployment("w", "", "")));
    assertThat(map(podMeta(a), "annotations"))
        .containsExactly(Map.entry("linkerd.io/inject", "ingress"));

    Injector.Session session = TestValues.manual().ingress(true).build().newSession();
    ManifestResult first = session.inject(Manifest.of(deployment("a", "", "")));
    ManifestResult second = session.inject(Manifest.of(deployment("b", "", "")));
    assertThat(map(podMeta(first), "annotations")).containsEntry("linkerd.io/inject", "ingress");
    assertThat(map(podMeta(second), "annotations")).doesNotContainKey("linkerd.io/inject");
    assertThat(env(container(podSpec(second), "linkerd-proxy")))
        .containsEntry("LINKERD2_PROXY_INGRESS_MODE", "true");
  }

  @Test
  void should_handle_every_workload_kind() {
    Injector injector = TestValues.manual().build();
    for (String kind :
        List.of("ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet", "Job")) {
      Map<String, Object> d = deployment("w", "", "");
      d.put("kind", kind);
      ManifestResult r = injector.inject(Manifest.of(d));
      assertThat(map(podMeta(r), "labels"))
          .containsEntry("linkerd.io/proxy-" + kind.toLowerCase(), "w");
    }
    Map<String, Object> cron =
        doc(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n"
                + "    spec:\n      template:\n        spec:\n"
                + "          containers: [{name: c, image: busybox}]\n");
    ManifestResult r = injector.inject(Manifest.of(cron));
    Map<String, Object> t = map(r.manifest().root(), "spec", "jobTemplate", "spec", "template");
    assertThat(List.copyOf(t.keySet())).containsExactly("metadata", "spec");
    assertThat(map(t, "metadata", "labels")).containsEntry("linkerd.io/proxy-cronjob", "c");

    Map<String, Object> pod =
        doc(
            "apiVersion: v1\nkind: Pod\nmetadata: {generateName: job-}\n"
                + "spec:\n  containers: [{name: c, image: busybox}]\n");
    ManifestResult p = injector.inject(Manifest.of(pod));
    assertThat(p.resources().get(0).line()).isEqualTo("pod \"job-\" injected");
    assertThat(map(p.manifest().root(), "metadata", "labels"))
        .containsOnlyKeys("linkerd.io/control-plane-ns", "linkerd.io/workload-ns");

    Map<String, Object> bare =
        doc("apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: c, image: busybox}]\n");
    ManifestResult b = TestValues.annotate().build().inject(Manifest.of(bare));
    assertThat(List.copyOf(map(b.manifest().root()).keySet()))
        .containsExactly("apiVersion", "kind", "metadata", "spec");
  }

  @Test
  void should_inject_list_items_one_by_one() {
    Map<String, Object> l =
        doc(
            "apiVersion: v1\nkind: List\nitems:\n"
                + "- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n"
                + "- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d}\n"
                + "  spec: {template: {spec: {containers: [{name: a, image: b}]}}}\n"
                + "- null\n");
    Manifest list = Manifest.of(l);
    ManifestResult r = TestValues.annotate().build().inject(list);
    assertThat(r.resources())
        .extracting(ResourceReport::line)
        .containsExactly(
            "configmap \"c\" skipped",
            "deployment \"d\" injected",
            "document missing \"kind\" field, skipped");
    assertThat(list(r.manifest().root(), "items").get(0))
        .isSameAs(list(list.root(), "items").get(0));
  }

  @Test
  void should_reinject_idempotently_including_old_formats() {
    Injector injector = TestValues.manual().debugSidecar(true).build();
    ManifestResult once = injector.inject(Manifest.of(deployment("web", "", "")));
    ManifestResult twice = injector.inject(once.manifest());
    assertThat(ManifestWriter.toYaml(twice.manifest().root()))
        .isEqualTo(ManifestWriter.toYaml(once.manifest().root()));

    Map<String, Object> old =
        deployment(
            "web",
            "        linkerd.io/proxy-deployment: web\n"
                + "      annotations: {linkerd.io/proxy-version: stable-2.11.5,"
                + " linkerd.io/identity-mode: default}\n",
            "      initContainers:\n"
                + "      - {name: linkerd-init, image: cr.l5d.io/linkerd/proxy-init:v1.4.0}\n"
                + "      volumes:\n"
                + "      - {name: linkerd-identity-end-entity, emptyDir: {medium: Memory}}\n");
    list(old, "spec", "template", "spec", "containers")
        .add(Map.of("name", "linkerd-proxy", "image", "cr.l5d.io/linkerd/proxy:stable-2.11.5"));
    ManifestResult fresh = injector.inject(Manifest.of(deployment("web", "", "")));
    assertThat(Yamls.dump(injector.inject(Manifest.of(old)).manifest().root()))
        .isEqualTo(Yamls.dump(fresh.manifest().root()));
  }

  @Test
  void should_refuse_a_workload_without_pod_template() {
    Map<String, Object> d = doc("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n");
    assertThatThrownBy(() -> TestValues.annotate().build().inject(Manifest.of(d)))
        .isInstanceOf(InjectionException.class)
        .hasMessage(
            "failed to inject deployment/x: spec.template is missing: a deployment needs a pod"
                + " template")
        .extracting(e -> ((InjectionException) e).category())
        .isEqualTo(InjectionException.Category.INVALID_INPUT);
  }

  @Test
  void should_refuse_invalid_annotation_values_naming_the_annotation() {
    String meta =
        "      annotations:\n"
            + "        config.linkerd.io/admin-port: http\n"
            + "        config.linkerd.io/proxy-outbound-connect-timeout: soon\n";
    assertThatThrownBy(
            () -> TestValues.annotate().build().inject(Manifest.of(deployment("web", meta, ""))))
        .isInstanceOf(InjectionException.class)
        .hasMessage(
            "failed to inject deployment/web: spec.template.metadata.annotations: annotation"
                + " config.linkerd.io/admin-port: invalid value \"http\": expected a port number;"
                + " annotation config.linkerd.io/proxy-outbound-connect-timeout: invalid value"
                + " \"soon\": time: invalid duration \"soon\"");
  }

  @Test
  void should_refuse_values_of_the_wrong_type() {
    assertThatThrownBy(() -> TestValues.annotate("proxy.ports.admin=abc").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invalid mesh values: proxy.ports.admin is a string (abc), not an integer");
  }

  @Test
  void should_apply_linkerd_flags_with_their_semantics() {
    Injector injector =
        TestValues.manual()
            .linkerdFlag("proxy-cpu-limit", "1500m")
            .linkerdFlag("registry", "registry.example.com/l5d")
            .linkerdFlag("image-pull-policy", "Always")
            .linkerdFlag("admin-port", "1234")
            .linkerdFlag("native-sidecar", "true")
            .build();
    assertThat(injector.overrideAnnotations())
        .containsExactly(
            Map.entry("config.linkerd.io/admin-port", "1234"),
            Map.entry("config.linkerd.io/debug-image", "registry.example.com/l5d/debug"),
            Map.entry("config.linkerd.io/image-pull-policy", "Always"),
            Map.entry("config.linkerd.io/proxy-cpu-limit", "1500m"),
            Map.entry("config.linkerd.io/proxy-image", "registry.example.com/l5d/proxy"));
    Map<String, Object> proxy =
        container(podSpec(injector.inject(Manifest.of(deployment("w", "", "")))), "linkerd-proxy");
    assertThat(env(proxy)).containsEntry("LINKERD2_PROXY_CORES_MAX", "2");
    assertThat(proxy)
        .containsEntry("image", "registry.example.com/l5d/proxy:proxy-version")
        .containsEntry("imagePullPolicy", "Always");
    assertThat(Injector.Builder.linkerdFlags()).contains("proxy-version", "skip-inbound-ports");
  }

  @Test
  void should_reject_unknown_flags_and_bad_flag_values() {
    assertThatThrownBy(() -> TestValues.manual().linkerdFlag("proxy-colour", "red"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("unknown flag --proxy-colour");
    assertThatThrownBy(() -> TestValues.manual().linkerdFlag("admin-port", "http"))
        .hasMessage("invalid value \"http\" for --admin-port: expected a number");
    assertThatThrownBy(() -> TestValues.manual().linkerdFlag("proxy-cpu-request", "lots"))
        .hasMessageStartingWith("invalid value \"lots\" for --proxy-cpu-request: ");
  }
}
