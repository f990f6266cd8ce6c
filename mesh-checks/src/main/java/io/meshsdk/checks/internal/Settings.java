package io.meshsdk.checks.internal;

import io.meshsdk.checks.CheckCategory;
import io.meshsdk.checks.ExpectedCrd;
import io.meshsdk.checks.HealthChecker.Sleeper;
import io.meshsdk.checks.VersionLookup;
import io.meshsdk.core.values.HelmValues;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run needs besides the cluster; immutable.
 *
 * @param categories the enabled categories
 * @param runsExtensions whether the extension checks follow the core categories
 * @param proxy whether the data plane is checked ({@code --proxy})
 * @param onlyChecks run only checks with these descriptions (empty: all)
 * @param controlPlaneNamespace {@code -L}
 * @param dataPlaneNamespace {@code -n}; empty for all namespaces
 * @param cniNamespace {@code --cni-namespace}
 * @param vizNamespace {@code --viz-namespace}; empty to find it by label
 * @param plannedValues the install values the pre-install checks judge
 * @param cniEnabled {@code --linkerd-cni-enabled}
 * @param clock where now comes from
 * @param retryDeadline how long retryable checks are retried ({@code --wait})
 * @param retryInterval the pause between attempts
 * @param attemptTimeout how long one attempt may take
 * @param sleeper how the engine pauses
 * @param certificateHorizon the certificate expiry horizon
 * @param cliVersion the Linkerd version the SDK reports as its own
 * @param hintBase the hint URL base
 * @param expectedCrds the CRDs Linkerd requires
 * @param versionLookup the latest-version lookup; empty offline
 * @param parallelism how many checks run at once
 */
public record Settings(
    Set<CheckCategory> categories,
    boolean runsExtensions,
    boolean proxy,
    Set<String> onlyChecks,
    String controlPlaneNamespace,
    Optional<String> dataPlaneNamespace,
    String cniNamespace,
    Optional<String> vizNamespace,
    Optional<HelmValues> plannedValues,
    boolean cniEnabled,
    Clock clock,
    Duration retryDeadline,
    Duration retryInterval,
    Duration attemptTimeout,
    Sleeper sleeper,
    Duration certificateHorizon,
    String cliVersion,
    String hintBase,
    List<ExpectedCrd> expectedCrds,
    Optional<VersionLookup> versionLookup,
    int parallelism) {

  /**
   * The same settings for another category set (the extension runs).
   *
   * @param newCategories the categories
   * @param newVizNamespace the viz namespace; null to find it by label
   * @return the settings
   */
  public Settings forExtension(Set<CheckCategory> newCategories, String newVizNamespace) {
    return new Settings(
        newCategories,
        false,
        proxy,
        onlyChecks,
        controlPlaneNamespace,
        dataPlaneNamespace,
        cniNamespace,
        Optional.ofNullable(newVizNamespace),
        plannedValues,
        cniEnabled,
        clock,
        retryDeadline,
        retryInterval,
        attemptTimeout,
        sleeper,
        certificateHorizon,
        cliVersion,
        hintBase,
        expectedCrds,
        versionLookup,
        parallelism);
  }
}
