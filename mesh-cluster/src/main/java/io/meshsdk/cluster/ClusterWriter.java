package io.meshsdk.cluster;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ClusterView} that can also write: server-side apply of manifests, and reads of any
 * object a manifest names. It is the only cluster type of Mesh SDK that changes a cluster; a plain
 * {@code ClusterView} never writes.
 *
 * <p><b>Kinds.</b> A manifest's {@code apiVersion} and {@code kind} are mapped to the resource
 * (plural, namespaced or not) through the server's discovery ({@code /api/v1}, {@code
 * /apis/<group>/<version>}), read once per writer and read again once when a kind is missing — a
 * {@code CustomResourceDefinition} applied a moment ago is found at once. A kind the server does
 * not serve is a {@link ClusterAccessException} with {@link
 * ClusterAccessException.Failure#NOT_FOUND} naming the {@code apiVersion} and {@code kind}.
 *
 * <p><b>Refusals.</b> A manifest without {@code apiVersion}, {@code kind} or {@code metadata.name},
 * a namespaced kind without {@code metadata.namespace}, or a cluster-scoped kind with one is
 * refused with a {@link ManifestException} naming the manifest's source and document, before
 * anything is written. (Unlike {@link ClusterView#dryRunCreate}, no namespace is assumed.)
 *
 * <p>Implementations are thread-safe.
 */
public interface ClusterWriter extends ClusterView {

  /**
   * Server-side apply: {@code PATCH <resource>/<name>?fieldManager=…&force=…[&dryRun=All]} with
   * {@code Content-Type: application/apply-patch+yaml} and the manifest as the body. The server
   * creates the object when it is absent and otherwise merges the manifest into it as the field
   * manager's intent: fields this manager applied before and the manifest now leaves out are
   * removed, fields of other managers are kept, and a field another manager owns with a different
   * value is a conflict unless {@link ApplyOptions#force()}. Applying the same manifest twice
   * changes nothing the second time.
   *
   * @param object the object, with {@code apiVersion}, {@code kind}, {@code metadata.name} and, for
   *     a namespaced kind, {@code metadata.namespace}
   * @param options the field manager, force and dry run
   * @return the object as the server stored it (or would have, under dry run), as an unmodifiable
   *     generic tree
   * @throws ManifestException if the manifest is refused before any write (see above)
   * @throws ClusterAccessException if the server refuses: {@link
   *     ClusterAccessException.Failure#CONFLICT} (409) with the server's list of conflicting fields
   *     and their managers in the message and {@link ClusterAccessException#serverMessage()};
   *     {@link ClusterAccessException.Failure#NOT_FOUND} for a kind the server does not serve; 403,
   *     422 … as for any request
   */
  Map<String, Object> apply(Manifest object, ApplyOptions options);

  /**
   * Server-side apply with {@link ApplyOptions#defaults()} (field manager {@code mesh}).
   *
   * @param object the object
   * @return the object as the server stored it
   * @throws ManifestException if the manifest is refused before any write
   * @throws ClusterAccessException if the server refuses
   */
  default Map<String, Object> apply(Manifest object) {
    return apply(object, ApplyOptions.defaults());
  }

  /**
   * Reads the live object a manifest names ({@code apiVersion}, {@code kind}, {@code
   * metadata.namespace}, {@code metadata.name}), of any kind, as a generic tree.
   *
   * @param object the manifest; only its identity is used
   * @return the live object as an unmodifiable generic tree, or empty if it does not exist
   * @throws ManifestException if the manifest lacks what names an object (see above)
   * @throws ClusterAccessException if the object cannot be read for any reason other than absence;
   *     {@link ClusterAccessException.Failure#NOT_FOUND} for a kind the server does not serve
   */
  Optional<Map<String, Object>> getObject(Manifest object);
}
