/**
 * Implementation of Mesh SDK's injection engine: Linkerd's inject and uninject rules over generic
 * ordered trees. Not API: do not import.
 */
package io.meshsdk.inject.internal;
