package io.meshsdk.inject.internal;

import io.meshsdk.core.internal.go.GoParse;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.values.HelmValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Linkerd's {@code inject} proxy flags ({@code --proxy-version}, {@code --admin-port}, …) applied
 * to values with the flags' own semantics: the CPU flags also set the worker counts,
 * {@code --registry} rewrites the image registries, {@code --image-pull-policy} sets every pull
 * policy. Stateless.
 */
public final class LinkerdFlags {
  private static final Map<String, String> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put("proxy-version", "proxy.image.version");
    PATHS.put("proxy-image", "proxy.image.name");
    PATHS.put("inbound-port", "proxy.ports.inbound");
    PATHS.put("outbound-port", "proxy.ports.outbound");
    PATHS.put("admin-port", "proxy.ports.admin");
    PATHS.put("control-port", "proxy.ports.control");
    PATHS.put("skip-inbound-ports", "proxyInit.ignoreInboundPorts");
    PATHS.put("skip-outbound-ports", "proxyInit.ignoreOutboundPorts");
    PATHS.put("opaque-ports", "proxy.opaquePorts");
    PATHS.put("proxy-uid", "proxy.uid");
    PATHS.put("proxy-gid", "proxy.gid");
    PATHS.put("proxy-log-level", "proxy.logLevel");
    PATHS.put("proxy-log-format", "proxy.logFormat");
    PATHS.put("require-identity-on-inbound-ports", "proxy.requireIdentityOnInboundPorts");
    PATHS.put("enable-external-profiles", "proxy.enableExternalProfiles");
    PATHS.put("ingress", "proxy.isIngress");
    PATHS.put("proxy-memory-request", "proxy.resources.memory.request");
    PATHS.put("proxy-memory-limit", "proxy.resources.memory.limit");
    PATHS.put("proxy-memory", "proxy.resources.memory.request");
    PATHS.put("wait-before-exit-seconds", "proxy.waitBeforeExitSeconds");
    PATHS.put("default-inbound-policy", "proxy.defaultInboundPolicy");
    PATHS.put("native-sidecar", "proxy.nativeSidecar");
  }

  private static final Set<String> INTEGER_FLAGS =
      Set.of(
          "inbound-port", "outbound-port", "admin-port", "control-port", "proxy-uid", "proxy-gid",
          "wait-before-exit-seconds");
  private static final Set<String> BOOLEAN_FLAGS =
      Set.of("enable-external-profiles", "ingress", "native-sidecar");
  private static final Set<String> OTHER_FLAGS =
      Set.of("proxy-cpu-request", "proxy-cpu-limit", "proxy-cpu", "registry", "image-pull-policy");

  private LinkerdFlags() {}

  /**
   * The flag names this class knows.
   *
   * @return the names without dashes, sorted
   */
  public static Set<String> names() {
    Set<String> all = new TreeSet<>(PATHS.keySet());
    all.addAll(OTHER_FLAGS);
    return all;
  }

  /**
   * Applies one flag to values.
   *
   * @param values the values
   * @param flag the flag name without dashes, e.g. {@code admin-port}
   * @param value the flag's text
   * @return the values with the flag applied
   * @throws IllegalArgumentException naming the flag when it is unknown or its value is invalid
   */
  public static HelmValues apply(HelmValues values, String flag, String value) {
    switch (flag) {
      case "proxy-cpu-request":
      case "proxy-cpu":
        return values
            .with("proxy.resources.cpu.request", value)
            .with("proxy.runtime.workers.minimum", cores(flag, value));
      case "proxy-cpu-limit":
        return values
            .with("proxy.resources.cpu.limit", value)
            .with("proxy.runtime.workers.maximum", cores(flag, value));
      case "image-pull-policy":
        return values
            .with("imagePullPolicy", value)
            .with("proxy.image.pullPolicy", value)
            .with("debugContainer.image.pullPolicy", value);
      case "registry":
        HelmValues out = values;
        for (String path : List.of("proxy.image.name", "debugContainer.image.name",
            "controllerImage")) {
          String current = values.getString(path).orElse("");
          String last = current.substring(current.lastIndexOf('/') + 1);
          // as Linkerd's RegistryOverride: an empty registry leaves the bare image name
          out = out.with(path,
              value.isEmpty() || value.endsWith("/") ? value + last : value + "/" + last);
        }
        return out;
      default:
        break;
    }
    String path = PATHS.get(flag);
    if (path == null) {
      throw new IllegalArgumentException("unknown flag --" + flag);
    }
    Object typed = value;
    if (INTEGER_FLAGS.contains(flag)) {
      Long n = GoParse.parseInt(value.trim(), 64);
      if (n == null || (flag.endsWith("-port") && (n < 0 || n > 65535))) {
        throw new IllegalArgumentException(
            "invalid value " + GoText.quote(value) + " for --" + flag + ": expected a number");
      }
      typed = n;
    } else if (BOOLEAN_FLAGS.contains(flag)) {
      Boolean b = GoParse.parseBool(value.trim());
      if (b == null) {
        throw new IllegalArgumentException(
            "invalid value " + GoText.quote(value) + " for --" + flag + ": expected true or false");
      }
      typed = b;
    } else if (flag.equals("proxy-memory-request") || flag.equals("proxy-memory-limit")
        || flag.equals("proxy-memory")) {
      cores(flag, value);
    }
    return values.with(path, typed);
  }

  /**
   * Whether a flag takes a boolean ({@code --ingress}, {@code --native-sidecar}, …).
   *
   * @param flag the flag name without dashes
   * @return true for the boolean flags
   */
  public static boolean isBoolean(String flag) {
    return BOOLEAN_FLAGS.contains(flag);
  }

  private static long cores(String flag, String value) {
    try {
      return Quantity.parse(value).wholeCores();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid value " + GoText.quote(value) + " for --" + flag + ": " + e.getMessage(), e);
    }
  }
}
