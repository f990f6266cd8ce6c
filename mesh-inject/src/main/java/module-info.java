/**
 * Mesh SDK inject: Linkerd proxy injection and uninjection of Kubernetes manifests ({@link
 * io.meshsdk.inject.Injector}, {@link io.meshsdk.inject.Uninjector}).
 */
module io.meshsdk.inject {
  requires transitive io.meshsdk.core;
  requires com.google.gson;

  exports io.meshsdk.inject;
}
