package io.meshsdk.checks.internal;

import io.meshsdk.checks.Check;
import java.util.Objects;

/**
 * A check and its body.
 *
 * @param check the check's description
 * @param body what it does
 */
public record CheckDef(Check check, CheckBody body) {
  /**
   * Checks the parts.
   *
   * @param check the check
   * @param body the body
   */
  public CheckDef {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(body, "body");
  }
}
