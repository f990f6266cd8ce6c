/** Implementation of mesh-install; not part of the API. */
package io.meshsdk.install.internal;
