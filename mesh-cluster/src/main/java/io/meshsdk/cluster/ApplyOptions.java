package io.meshsdk.cluster;

import io.meshsdk.core.ConfigurationException;
import java.util.Objects;

/**
 * How {@link ClusterWriter#apply} applies an object: the field manager that owns what is applied,
 * whether to take over fields other managers own, and whether to only ask the server what it would
 * store. Immutable.
 *
 * <pre>{@code
 * ApplyOptions plan = ApplyOptions.defaults().toBuilder().dryRun(true).build();
 * }</pre>
 */
public final class ApplyOptions {
  /** The field manager of {@link #defaults()}. */
  public static final String DEFAULT_FIELD_MANAGER = "mesh";

  /** The longest field manager the API server accepts. */
  public static final int MAX_FIELD_MANAGER_LENGTH = 128;

  private static final ApplyOptions DEFAULTS = new Builder().build();

  private final String fieldManager;
  private final boolean force;
  private final boolean dryRun;

  private ApplyOptions(Builder b) {
    this.fieldManager = b.fieldManager;
    this.force = b.force;
    this.dryRun = b.dryRun;
  }

  /**
   * Field manager {@code mesh}, no force, no dry run.
   *
   * @return the default options
   */
  public static ApplyOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Starts from these options.
   *
   * @return a builder with this field manager, force and dry run
   */
  public Builder toBuilder() {
    return new Builder().fieldManager(fieldManager).force(force).dryRun(dryRun);
  }

  /**
   * The field manager ({@code fieldManager=}): the name the server records as the owner of the
   * applied fields.
   *
   * @return e.g. {@code mesh}
   */
  public String fieldManager() {
    return fieldManager;
  }

  /**
   * Whether fields that other managers own with different values are taken over ({@code
   * force=true}, {@code kubectl apply --server-side --force-conflicts}) rather than refused with a
   * conflict.
   *
   * @return true to force
   */
  public boolean force() {
    return force;
  }

  /**
   * Whether the server only says what it would store ({@code dryRun=All}): checked and merged as a
   * real apply, nothing stored.
   *
   * @return true for a dry run
   */
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApplyOptions a
        && a.fieldManager.equals(fieldManager)
        && a.force == force
        && a.dryRun == dryRun;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fieldManager, force, dryRun);
  }

  /**
   * The options, for messages.
   *
   * @return e.g. {@code ApplyOptions[fieldManager=mesh, force=false, dryRun=false]}
   */
  @Override
  public String toString() {
    return "ApplyOptions[fieldManager="
        + fieldManager
        + ", force="
        + force
        + ", dryRun="
        + dryRun
        + "]";
  }

  /** Builds {@link ApplyOptions}. Not thread-safe. */
  public static final class Builder {
    private String fieldManager = DEFAULT_FIELD_MANAGER;
    private boolean force;
    private boolean dryRun;

    private Builder() {}

    /**
     * The field manager (default {@code mesh}); checked by {@link #build()}.
     *
     * @param manager the name, 1 to 128 characters
     * @return this builder
     */
    public Builder fieldManager(String manager) {
      this.fieldManager = Objects.requireNonNull(manager, "manager");
      return this;
    }

    /**
     * Takes over conflicting fields (default false).
     *
     * @param on whether to force
     * @return this builder
     */
    public Builder force(boolean on) {
      this.force = on;
      return this;
    }

    /**
     * Only asks what would be stored (default false).
     *
     * @param on whether to dry-run
     * @return this builder
     */
    public Builder dryRun(boolean on) {
      this.dryRun = on;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws ConfigurationException if the field manager is empty, longer than 128 characters, or
     *     holds a control character
     */
    public ApplyOptions build() {
      if (fieldManager.isEmpty()) {
        throw new ConfigurationException(
            "the field manager of an apply must not be empty; use e.g. \"mesh\"");
      }
      if (fieldManager.length() > MAX_FIELD_MANAGER_LENGTH) {
        throw new ConfigurationException(
            "the field manager of an apply has "
                + fieldManager.length()
                + " characters; the API server accepts at most "
                + MAX_FIELD_MANAGER_LENGTH);
      }
      for (int i = 0; i < fieldManager.length(); i++) {
        if (Character.isISOControl(fieldManager.charAt(i))) {
          throw new ConfigurationException(
              "the field manager of an apply must not hold control characters (character "
                  + (i + 1)
                  + ")");
        }
      }
      return new ApplyOptions(this);
    }
  }
}
