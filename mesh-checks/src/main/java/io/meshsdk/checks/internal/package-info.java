/** Implementation of Mesh SDK's checks; not part of the API. */
package io.meshsdk.checks.internal;
