package io.meshsdk.install;

import java.util.List;
import java.util.Objects;

/**
 * What an install does (or would do) to one object.
 *
 * @param object the object
 * @param change created, changed or unchanged
 * @param fields for {@link Change#CHANGED}, the fields that differ (live → planned), server-owned
 *     fields ignored; empty otherwise
 */
public record ObjectChange(ObjectRef object, Change change, List<FieldChange> fields) {

  /**
   * Copies the fields.
   *
   * @param object the object
   * @param change the change
   * @param fields the differing fields
   */
  public ObjectChange {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(change, "change");
    fields = List.copyOf(fields);
  }

  /** Returns e.g. {@code changed ConfigMap linkerd/linkerd-config (1 field)}. */
  @Override
  public String toString() {
    return change.word()
        + " "
        + object
        + (change == Change.CHANGED
            ? " (" + fields.size() + (fields.size() == 1 ? " field)" : " fields)")
            : "");
  }
}
