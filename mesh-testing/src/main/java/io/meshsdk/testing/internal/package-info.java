/**
 * Implementation of the test kit: the Kubernetes compatibility layer over fabric8's CRUD store, the
 * front door (TLS, bearer token, faults, journal), selectors and paging. Not an API: users must not
 * import these types; they change without notice.
 */
package io.meshsdk.testing.internal;
