package io.meshsdk.inject.internal;

import io.meshsdk.core.internal.go.GoParse;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.linkerd.internal.ProxySetting;
import io.meshsdk.core.values.HelmValues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Linkerd's {@code inject} proxy flags ({@code --proxy-version}, {@code --admin-port}, …) applied
 * to values with the flags' own semantics: the CPU flags also set the worker counts, {@code
 * --registry} rewrites the image registries, {@code --image-pull-policy} sets every pull policy.
 * Stateless.
 */
public final class LinkerdFlags {
  /** Deprecated flags that are aliases of another one. */
  private static final Map<String, String> ALIASES = Map.of("proxy-memory", "proxy-memory-request");

  /** Flags that set several values (the CPU flags' own values are in the table). */
  private static final Set<String> OTHER_FLAGS =
      Set.of("proxy-cpu", "registry", "image-pull-policy");

  private LinkerdFlags() {}

  /**
   * The flag names this class knows.
   *
   * @return the names without dashes, sorted
   */
  public static Set<String> names() {
    Set<String> all = new TreeSet<>(ProxySetting.byFlag().keySet());
    all.addAll(ALIASES.keySet());
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
        for (String path :
            List.of("proxy.image.name", "debugContainer.image.name", "controllerImage")) {
          String current = values.getString(path).orElse("");
          String last = current.substring(current.lastIndexOf('/') + 1);
          // as Linkerd's RegistryOverride: an empty registry leaves the bare image name
          out =
              out.with(
                  path, value.isEmpty() || value.endsWith("/") ? value + last : value + "/" + last);
        }
        return out;
      default:
        break;
    }
    ProxySetting setting = ProxySetting.byFlag().get(ALIASES.getOrDefault(flag, flag));
    if (setting == null) {
      throw new IllegalArgumentException("unknown flag --" + flag);
    }
    Object typed = value;
    switch (setting.type()) {
      case PORT:
      case INT64:
        Long n = GoParse.parseInt(value.trim(), 64);
        if (n == null || n < setting.type().min() || n > setting.type().max()) {
          throw new IllegalArgumentException(
              "invalid value " + GoText.quote(value) + " for --" + flag + ": expected a number");
        }
        typed = n;
        break;
      case BOOL:
        Boolean b = GoParse.parseBool(value.trim());
        if (b == null) {
          throw new IllegalArgumentException(
              "invalid value "
                  + GoText.quote(value)
                  + " for --"
                  + flag
                  + ": expected true or false");
        }
        typed = b;
        break;
      default:
        if (setting.parse() == ProxySetting.Parse.QUANTITY) {
          cores(flag, value); // a valid quantity
        }
        break;
    }
    return values.with(setting.path(), typed);
  }

  /**
   * Whether a flag takes a boolean ({@code --ingress}, {@code --native-sidecar}, …).
   *
   * @param flag the flag name without dashes
   * @return true for the boolean flags
   */
  public static boolean isBoolean(String flag) {
    ProxySetting s = ProxySetting.byFlag().get(flag);
    return s != null && s.type() == ProxySetting.Type.BOOL;
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
