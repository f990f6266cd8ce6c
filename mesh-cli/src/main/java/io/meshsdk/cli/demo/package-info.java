/**
 * {@code mesh demo}: the seed's day with Linkerd told on an embedded cluster with Mesh SDK's public
 * API. Start at {@link io.meshsdk.cli.demo.Demo}. The cluster and the manifests are this package's
 * own resources ({@code io/meshsdk/cli/demo/*.yaml}).
 */
package io.meshsdk.cli.demo;
