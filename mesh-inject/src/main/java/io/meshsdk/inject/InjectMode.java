package io.meshsdk.inject;

/** What an {@link Injector} adds to a pod template. */
public enum InjectMode {
  /**
   * Linkerd's default: only annotations ({@code linkerd.io/inject: enabled} and the {@code
   * config.linkerd.io/*} overrides); the cluster's proxy injector adds the proxy.
   */
  ANNOTATE,
  /** Linkerd's {@code --manual}: the proxy, its init container, volumes, labels and annotations. */
  PROXY
}
