/**
 * Implementation of mesh-cluster. Not part of the API: do not import these classes, they change
 * without notice.
 */
package io.meshsdk.cluster.internal;
