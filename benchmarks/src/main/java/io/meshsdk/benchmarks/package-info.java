/**
 * JMH benchmarks of Mesh SDK (not deployed). Run with {@code java -jar
 * benchmarks/target/benchmarks.jar}.
 */
package io.meshsdk.benchmarks;
