package io.meshsdk.checks;

import io.meshsdk.core.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CustomResourceDefinition that Linkerd's "control plane CustomResourceDefinitions exist" check
 * requires: its name and the version it must serve.
 *
 * @param name the CRD name, e.g. {@code servers.policy.linkerd.io}
 * @param version the version that must appear in the CRD's {@code spec.versions}, e.g. {@code
 *     v1beta3}
 */
public record ExpectedCrd(String name, String version) {

  private static final List<ExpectedCrd> LINKERD =
      List.of(
          new ExpectedCrd("authorizationpolicies.policy.linkerd.io", "v1alpha1"),
          new ExpectedCrd("egressnetworks.policy.linkerd.io", "v1alpha1"),
          new ExpectedCrd("httplocalratelimitpolicies.policy.linkerd.io", "v1alpha1"),
          new ExpectedCrd("httproutes.policy.linkerd.io", "v1beta3"),
          new ExpectedCrd("meshtlsauthentications.policy.linkerd.io", "v1alpha1"),
          new ExpectedCrd("networkauthentications.policy.linkerd.io", "v1alpha1"),
          new ExpectedCrd("serverauthorizations.policy.linkerd.io", "v1beta1"),
          new ExpectedCrd("servers.policy.linkerd.io", "v1beta3"),
          new ExpectedCrd("serviceprofiles.linkerd.io", "v1alpha2"),
          new ExpectedCrd("externalworkloads.workload.linkerd.io", "v1beta1"));

  /**
   * Checks the parts.
   *
   * @param name the CRD name
   * @param version the required version
   */
  public ExpectedCrd {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /**
   * The CRDs of Linkerd's {@code linkerd-crds} chart at b24cd40 (rendered without the Gateway API
   * CRDs), each with the last entry of its {@code spec.versions}, in the chart's order.
   *
   * @return an immutable list
   */
  public static List<ExpectedCrd> linkerd() {
    return LINKERD;
  }

  /**
   * The expected CRDs of a rendered CRD manifest, as Linkerd derives them: every
   * CustomResourceDefinition document contributes its name and the <b>last</b> entry of its {@code
   * spec.versions}.
   *
   * @param documents the documents of the manifest
   * @return the CRDs in document order
   * @throws IllegalArgumentException naming the document when a CRD has no name or no versions
   */
  public static List<ExpectedCrd> fromManifests(List<Manifest> documents) {
    List<ExpectedCrd> out = new ArrayList<>();
    for (Manifest m : documents) {
      if (m.kind().filter("CustomResourceDefinition"::equals).isEmpty()) {
        continue;
      }
      Object spec = m.object().map(o -> o.get("spec")).orElse(null);
      Object versions = spec instanceof Map<?, ?> s ? s.get("versions") : null;
      if (m.name().filter(n -> !n.isEmpty()).isEmpty()
          || !(versions instanceof List<?> list)
          || list.isEmpty()
          || !(list.get(list.size() - 1) instanceof Map<?, ?> last)
          || !(last.get("name") instanceof String v)) {
        throw new IllegalArgumentException(
            "CRD document " + m.location() + " needs metadata.name and spec.versions[].name");
      }
      out.add(new ExpectedCrd(m.name().orElseThrow(), v));
    }
    return List.copyOf(out);
  }
}
