package io.meshsdk.install;

import io.meshsdk.core.manifest.Manifest;
import java.util.Objects;
import java.util.Optional;

/**
 * Which object an install event, plan entry or apply result is about: its API version, kind,
 * namespace (empty for cluster-scoped objects) and name. Never holds the object's content.
 *
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code Deployment}
 * @param namespace the namespace, empty for a cluster-scoped object
 * @param name the name
 */
public record ObjectRef(String apiVersion, String kind, Optional<String> namespace, String name) {

  /**
   * Checks the parts.
   *
   * @param apiVersion the API version
   * @param kind the kind
   * @param namespace the namespace, empty when cluster-scoped
   * @param name the name
   */
  public ObjectRef {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The reference of a manifest.
   *
   * @param manifest a document with {@code apiVersion}, {@code kind} and {@code metadata.name}
   * @return its reference
   * @throws InstallException when the document lacks one of them
   */
  public static ObjectRef of(Manifest manifest) {
    String apiVersion = manifest.apiVersion().orElseThrow(() -> missing(manifest, "apiVersion"));
    String kind = manifest.kind().orElseThrow(() -> missing(manifest, "kind"));
    String name = manifest.name().orElseThrow(() -> missing(manifest, "metadata.name"));
    return new ObjectRef(apiVersion, kind, manifest.namespace(), name);
  }

  private static InstallException missing(Manifest manifest, String field) {
    return new InstallException(manifest.location() + ": the document has no " + field);
  }

  /** Returns e.g. {@code Deployment linkerd/linkerd-identity} or {@code ClusterRole x}. */
  @Override
  public String toString() {
    return kind + " " + namespace.map(n -> n + "/").orElse("") + name;
  }
}
