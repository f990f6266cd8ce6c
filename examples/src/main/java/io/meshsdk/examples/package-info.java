/**
 * Small runnable programs, one per Mesh SDK API, each replacing a Linkerd or kubectl command. Every
 * program has a {@code main} and a {@code run} method that returns the exit code, so its test (and
 * your code) can call it without exiting the JVM.
 */
package io.meshsdk.examples;
