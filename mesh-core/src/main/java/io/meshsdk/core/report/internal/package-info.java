/**
 * Renderer implementations behind {@link io.meshsdk.core.report.ReportRenderer}. Not API: do not
 * import.
 */
package io.meshsdk.core.report.internal;
