package io.meshsdk.checks.internal;

import io.meshsdk.checks.Check;
import io.meshsdk.checks.CheckCategory;
import io.meshsdk.checks.ExpectedCrd;
import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.identity.IdentityCheck;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.report.HintUrls;
import io.meshsdk.core.report.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every check, in Linkerd's order, for given settings (descriptions depend on the horizon). */
public final class Catalog {
  /** The description of the check that lists every pod (pod reads are then derived from it). */
  public static final String ALL_PODS_DESCRIPTION = "cluster networks contains all pods";

  private final List<CheckDef> defs = new ArrayList<>();

  private Catalog() {}

  /**
   * Settings with every default, for describing the catalog.
   *
   * @return the settings
   */
  public static Settings defaultSettings() {
    String cli = MeshSdk.linkerdVersion();
    return new Settings(
        EnumSet.allOf(CheckCategory.class),
        false,
        true,
        Set.of(),
        LinkerdNames.NAMESPACE,
        Optional.empty(),
        LinkerdNames.CNI_NAMESPACE,
        Optional.empty(),
        Optional.empty(),
        false,
        Clock.systemUTC(),
        Duration.ZERO,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        d -> {},
        IdentityCheck.DEFAULT_HORIZON,
        cli,
        HintUrls.baseForVersion(cli),
        ExpectedCrd.linkerd(),
        Optional.empty(),
        1);
  }

  /**
   * Every check.
   *
   * @param s the settings
   * @return the checks in run order
   */
  public static List<CheckDef> all(Settings s) {
    Catalog c = new Catalog();
    CoreChecks.add(c, s);
    IdentityChecks.add(c, s);
    ProxyChecks.add(c, s);
    VizChecks.add(c, s);
    List<CheckDef> sorted = new ArrayList<>(c.defs);
    sorted.sort((a, b) -> a.check().category().compareTo(b.check().category()));
    return List.copyOf(sorted);
  }

  /**
   * The enabled checks.
   *
   * @param s the settings
   * @return the checks of the enabled categories (and of {@code onlyChecks}, if set), in order
   */
  public static List<CheckDef> select(Settings s) {
    return all(s).stream()
        .filter(d -> s.categories().contains(d.check().category()))
        .filter(d -> s.onlyChecks().isEmpty() || s.onlyChecks().contains(d.check().description()))
        .toList();
  }

  void add(
      CheckCategory category,
      String description,
      String anchor,
      Severity severity,
      CheckBody body) {
    defs.add(new CheckDef(Check.of(category, description, anchor, severity, false, false), body));
  }

  void retry(
      CheckCategory category,
      String description,
      String anchor,
      Severity severity,
      boolean showsError,
      CheckBody body) {
    defs.add(
        new CheckDef(Check.of(category, description, anchor, severity, true, showsError), body));
  }
}
