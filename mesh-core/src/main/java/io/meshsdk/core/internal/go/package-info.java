/**
 * Go's text forms as Linkerd and Helm produce and accept them: quoting, number and JSON text
 * ({@code GoText}, {@code GoJson}), {@code strconv} parsers ({@code GoParse}), durations ({@code
 * GoDuration}) and time formats ({@code GoTime}). Shared by Mesh SDK's own modules through a
 * qualified export; not API: it may change in any release.
 */
package io.meshsdk.core.internal.go;
