package io.meshsdk.install;

/**
 * Receives the progress of an install as it happens, on the thread that runs it. A listener that
 * throws stops the install (the exception propagates).
 */
@FunctionalInterface
public interface InstallListener {
  /**
   * Called for each event, in order.
   *
   * @param event the event
   */
  void onEvent(InstallEvent event);
}
