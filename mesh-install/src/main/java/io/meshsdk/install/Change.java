package io.meshsdk.install;

/** What applying an object does (or, in a plan, would do) to the cluster. */
public enum Change {
  /** The object did not exist and is created. */
  CREATED,
  /** The object exists and some of the fields the install sets differ. */
  CHANGED,
  /** The object exists as the install would leave it: nothing is written. */
  UNCHANGED;

  /**
   * The word used in progress lines and plans.
   *
   * @return {@code created}, {@code changed} or {@code unchanged}
   */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
