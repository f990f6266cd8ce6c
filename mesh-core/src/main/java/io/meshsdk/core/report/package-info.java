/**
 * Check results and their renderers, shared by the identity validator and the health-check engine.
 *
 * <p>A {@link io.meshsdk.core.report.CheckResult} is one check's outcome (category, description,
 * hint, severity, outcome, message). Results are grouped into {@link
 * io.meshsdk.core.report.CategoryReport}s and a whole {@link io.meshsdk.core.report.CheckReport}.
 * {@link io.meshsdk.core.report.ReportFormat} renders a report the way {@code linkerd check} prints
 * it (table, short form, JSON) or as JUnit XML. Every type here is immutable and thread-safe.
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means.
 */
package io.meshsdk.core.report;
