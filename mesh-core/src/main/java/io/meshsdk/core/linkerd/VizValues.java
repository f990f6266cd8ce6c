package io.meshsdk.core.linkerd;

import io.meshsdk.core.report.Severity;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed, read-only view of {@code linkerd-viz} values and the rules the viz chart applies to its
 * metrics backends (Linkerd {@code edge-26.8.3}):
 *
 * <ul>
 *   <li>an external {@code prometheusUrl} wins; otherwise {@code prometheus.enabled: true} means
 *       the bundled Prometheus at {@code http://prometheus.<namespace>.svc.<clusterDomain>:9090};
 *       otherwise the chart refuses to render ({@code Please enable `linkerd-prometheus` or provide
 *       `prometheusUrl` for the viz extension to function properly});
 *   <li>Grafana is not bundled any more: {@code grafana.url} is an in-cluster address the dashboard
 *       proxies to, {@code grafana.externalUrl} a URL the browser opens; setting both is refused.
 * </ul>
 *
 * <p>Missing keys read as Go's zero values. Immutable and thread-safe.
 */
public final class VizValues {
  private final HelmValues values;

  private VizValues(HelmValues values) {
    this.values = Objects.requireNonNull(values, "values");
  }

  /**
   * The {@code linkerd-viz} defaults Mesh SDK carries.
   *
   * @return the default viz values
   */
  public static VizValues defaults() {
    return new VizValues(LinkerdChart.VIZ.defaults());
  }

  /**
   * A view over viz values.
   *
   * @param values complete viz values
   * @return the view
   */
  public static VizValues of(HelmValues values) {
    return new VizValues(values);
  }

  /**
   * The underlying values.
   *
   * @return the values
   */
  public HelmValues raw() {
    return values;
  }

  /**
   * {@code prometheusUrl}: an external Prometheus.
   *
   * @return the URL, empty when not set
   */
  public String prometheusUrl() {
    return values.getString("prometheusUrl").orElse("");
  }

  /**
   * {@code prometheus.enabled}: install the bundled Prometheus.
   *
   * @return true by default
   */
  public boolean prometheusEnabled() {
    return values.getBoolean("prometheus.enabled").orElse(false);
  }

  /**
   * {@code prometheusCredsSecret}: basic-auth credentials for an external Prometheus.
   *
   * @return the secret name, empty when not set
   */
  public String prometheusCredsSecret() {
    return values.getString("prometheusCredsSecret").orElse("");
  }

  /**
   * {@code grafana.url}: an in-cluster Grafana address the dashboard proxies to.
   *
   * @return the address, empty when not set
   */
  public String grafanaUrl() {
    return values.getString("grafana.url").orElse("");
  }

  /**
   * {@code grafana.externalUrl}: a Grafana URL for the browser.
   *
   * @return the URL, empty when not set
   */
  public String grafanaExternalUrl() {
    return values.getString("grafana.externalUrl").orElse("");
  }

  /**
   * {@code clusterDomain}.
   *
   * @return e.g. {@code cluster.local}
   */
  public String clusterDomain() {
    return values.getString("clusterDomain").orElse("");
  }

  /**
   * The Prometheus the viz metrics API will query, as the chart computes it.
   *
   * @param vizNamespace the namespace viz is installed in, e.g. {@code linkerd-viz}
   * @return {@code prometheusUrl} when set, else the bundled Prometheus's URL when enabled, else
   *     empty (the chart would refuse to render)
   */
  public Optional<String> effectivePrometheusUrl(String vizNamespace) {
    if (!prometheusUrl().isEmpty()) {
      return Optional.of(prometheusUrl());
    }
    if (prometheusEnabled()) {
      return Optional.of("http://prometheus." + vizNamespace + ".svc." + clusterDomain() + ":9090");
    }
    return Optional.empty();
  }

  /**
   * Checks the Prometheus and Grafana rules.
   *
   * @return the problems, errors first; empty when the values are fine
   */
  public List<ValuesProblem> validate() {
    List<ValuesProblem> errors = new ArrayList<>();
    List<ValuesProblem> warnings = new ArrayList<>();
    String promUrl;
    boolean promEnabled;
    try {
      promUrl = prometheusUrl();
      promEnabled = prometheusEnabled();
    } catch (ValuesException e) {
      errors.add(error("prometheus", e.getMessage()));
      return errors;
    }
    if (promUrl.isEmpty() && !promEnabled) {
      errors.add(
          error(
              "prometheusUrl",
              "viz needs a Prometheus: set prometheus.enabled=true for the bundled one or"
                  + " prometheusUrl=<URL> for your own (the chart fails with \"Please enable"
                  + " `linkerd-prometheus` or provide `prometheusUrl` for the viz extension to"
                  + " function properly\")"));
    }
    if (!promUrl.isEmpty()) {
      httpUrlProblem("prometheusUrl", promUrl).ifPresent(errors::add);
      if (promEnabled) {
        warnings.add(
            warning(
                "prometheus.enabled",
                "prometheusUrl is set, so the bundled Prometheus (prometheus.enabled=true) is"
                    + " installed but not used; set prometheus.enabled=false"));
      }
    }
    try {
      if (!prometheusCredsSecret().isEmpty() && promUrl.isEmpty()) {
        warnings.add(
            warning(
                "prometheusCredsSecret",
                "prometheusCredsSecret is only used with an external prometheusUrl; it is "
                    + "ignored"));
      }
    } catch (ValuesException e) {
      errors.add(error("prometheusCredsSecret", e.getMessage()));
    }
    try {
      String gUrl = grafanaUrl();
      String gExt = grafanaExternalUrl();
      if (!gUrl.isEmpty() && !gExt.isEmpty()) {
        errors.add(
            error(
                "grafana",
                "grafana.url and grafana.externalUrl cannot both be set: use grafana.url for an"
                    + " in-cluster Grafana the dashboard proxies to (e.g. grafana.grafana:3000) or"
                    + " grafana.externalUrl for a Grafana the browser opens directly"));
      }
      if (!gExt.isEmpty()) {
        httpUrlProblem("grafana.externalUrl", gExt).ifPresent(errors::add);
      }
      if (gUrl.contains("://")) {
        warnings.add(
            warning(
                "grafana.url",
                "grafana.url is an in-cluster address without a scheme (e.g."
                    + " grafana.grafana:3000); for a URL the browser opens use"
                    + " grafana.externalUrl"));
      }
    } catch (ValuesException e) {
      errors.add(error("grafana", e.getMessage()));
    }
    errors.addAll(warnings);
    return List.copyOf(errors);
  }

  private static Optional<ValuesProblem> httpUrlProblem(String key, String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || u.getHost() == null) {
        return Optional.of(
            error(
                key, key + " must be an http:// or https:// URL with a host, not \"" + url + "\""));
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of(error(key, key + " is not a valid URL: " + e.getMessage()));
    }
  }

  private static ValuesProblem error(String path, String message) {
    return new ValuesProblem(Severity.ERROR, path, message);
  }

  private static ValuesProblem warning(String path, String message) {
    return new ValuesProblem(Severity.WARNING, path, message);
  }
}
