package io.meshsdk.inject.internal;

import io.meshsdk.core.linkerd.LinkerdNames;

/**
 * Linkerd's annotation, label, container and volume names used by injection, under short names;
 * those {@link LinkerdNames} has are taken from there.
 */
final class Names {
  private Names() {}

  static final String PREFIX = LinkerdNames.PREFIX;
  static final String CONFIG = LinkerdNames.CONFIG_ANNOTATION_PREFIX;
  static final String CONFIG_ALPHA = LinkerdNames.CONFIG_ALPHA_ANNOTATION_PREFIX;
  static final String CONFIG_BETA = LinkerdNames.CONFIG_BETA_ANNOTATION_PREFIX;

  static final String INJECT = LinkerdNames.INJECT_ANNOTATION;
  static final String CREATED_BY = LinkerdNames.CREATED_BY_ANNOTATION;
  static final String PROXY_VERSION = LinkerdNames.PROXY_VERSION_ANNOTATION;
  static final String TRUST_ROOT_SHA = LinkerdNames.TRUST_ROOT_SHA256_ANNOTATION;

  static final String CONTROL_PLANE_NS = LinkerdNames.CONTROL_PLANE_NS_LABEL;
  static final String CONTROL_PLANE_COMPONENT = LinkerdNames.CONTROL_PLANE_COMPONENT_LABEL;
  static final String WORKLOAD_NS = LinkerdNames.WORKLOAD_NS_LABEL;

  static final String PROXY_IMAGE = LinkerdNames.PROXY_IMAGE_ANNOTATION;
  static final String PROXY_VERSION_OVERRIDE = LinkerdNames.PROXY_VERSION_OVERRIDE_ANNOTATION;
  static final String IMAGE_PULL_POLICY = LinkerdNames.IMAGE_PULL_POLICY_ANNOTATION;
  static final String CONTROL_PORT = CONFIG + "control-port";
  static final String INBOUND_PORT = CONFIG + "inbound-port";
  static final String ADMIN_PORT = CONFIG + "admin-port";
  static final String OUTBOUND_PORT = CONFIG + "outbound-port";
  static final String ADMIN_SHUTDOWN = CONFIG + "proxy-admin-shutdown";
  static final String LOG_LEVEL = CONFIG + "proxy-log-level";
  static final String LOG_FORMAT = CONFIG + "proxy-log-format";
  static final String LOG_HTTP_HEADERS = CONFIG + "proxy-log-http-headers";
  static final String REQUIRE_IDENTITY = CONFIG + "proxy-require-identity-inbound-ports";
  static final String METRICS_HOSTNAME_LABELS = CONFIG + "proxy-metrics-hostname-labels";
  static final String OUTBOUND_CONNECT_TIMEOUT = CONFIG + "proxy-outbound-connect-timeout";
  static final String INBOUND_CONNECT_TIMEOUT = CONFIG + "proxy-inbound-connect-timeout";
  static final String SHUTDOWN_GRACE_PERIOD = CONFIG + "shutdown-grace-period";
  static final String OUTBOUND_DISCOVERY_TIMEOUT =
      CONFIG + "proxy-outbound-discovery-cache-unused-timeout";
  static final String INBOUND_DISCOVERY_TIMEOUT =
      CONFIG + "proxy-inbound-discovery-cache-unused-timeout";
  static final String DISABLE_OUTBOUND_DETECT_TIMEOUT =
      CONFIG + "proxy-disable-outbound-protocol-detect-timeout";
  static final String DISABLE_INBOUND_DETECT_TIMEOUT =
      CONFIG + "proxy-disable-inbound-protocol-detect-timeout";
  static final String ENABLE_GATEWAY = CONFIG + "enable-gateway";
  static final String WAIT_BEFORE_EXIT = LinkerdNames.WAIT_BEFORE_EXIT_SECONDS_ANNOTATION;
  static final String NATIVE_SIDECAR = LinkerdNames.NATIVE_SIDECAR_ANNOTATIONS.get(0);
  static final String NATIVE_SIDECAR_BETA = LinkerdNames.NATIVE_SIDECAR_ANNOTATIONS.get(1);
  static final String NATIVE_SIDECAR_ALPHA = LinkerdNames.NATIVE_SIDECAR_ANNOTATIONS.get(2);
  static final String CPU_REQUEST = CONFIG + "proxy-cpu-request";
  static final String CPU_LIMIT = CONFIG + "proxy-cpu-limit";
  static final String CPU_RATIO_LIMIT = CONFIG + "proxy-cpu-ratio-limit";
  static final String MEMORY_REQUEST = CONFIG + "proxy-memory-request";
  static final String MEMORY_LIMIT = CONFIG + "proxy-memory-limit";
  static final String EPHEMERAL_REQUEST = CONFIG + "proxy-ephemeral-storage-request";
  static final String EPHEMERAL_LIMIT = CONFIG + "proxy-ephemeral-storage-limit";
  static final String PROXY_UID = CONFIG + "proxy-uid";
  static final String PROXY_GID = CONFIG + "proxy-gid";
  static final String EXTERNAL_PROFILES = CONFIG + "enable-external-profiles";
  static final String SKIP_INBOUND_PORTS = LinkerdNames.SKIP_INBOUND_PORTS_ANNOTATION;
  static final String SKIP_OUTBOUND_PORTS = LinkerdNames.SKIP_OUTBOUND_PORTS_ANNOTATION;
  static final String OPAQUE_PORTS = LinkerdNames.OPAQUE_PORTS_ANNOTATION;
  static final String SKIP_SUBNETS = CONFIG + "skip-subnets";
  static final String DEBUG_IMAGE = CONFIG + "debug-image";
  static final String DEBUG_IMAGE_VERSION = CONFIG + "debug-image-version";
  static final String DEBUG_IMAGE_PULL_POLICY = CONFIG + "debug-image-pull-policy";
  static final String PROXY_AWAIT = CONFIG + "proxy-await";
  static final String DEFAULT_INBOUND_POLICY = LinkerdNames.DEFAULT_INBOUND_POLICY_ANNOTATION;
  static final String ACCESS_LOG = CONFIG + "access-log";
  static final String ADDITIONAL_ENV = CONFIG + "proxy-additional-env";
  static final String ENABLE_DEBUG = LinkerdNames.DEBUG_SIDECAR_ANNOTATION;
  static final String CLOSE_WAIT_TIMEOUT = LinkerdNames.CLOSE_WAIT_TIMEOUT_ANNOTATION;

  static final String OTEL_PREFIX = "resource.opentelemetry.io/";

  static final String PROXY_CONTAINER = LinkerdNames.PROXY_CONTAINER;
  static final String INIT_CONTAINER = LinkerdNames.INIT_CONTAINER;
  static final String DEBUG_CONTAINER = LinkerdNames.DEBUG_CONTAINER;
  static final String VALIDATOR_CONTAINER = LinkerdNames.NETWORK_VALIDATOR_CONTAINER;
  static final String END_ENTITY_VOLUME = LinkerdNames.IDENTITY_END_ENTITY_VOLUME;
  static final String XTABLES_VOLUME = LinkerdNames.XTABLES_LOCK_VOLUME;
  static final String TOKEN_VOLUME = LinkerdNames.IDENTITY_TOKEN_VOLUME;
  static final String PODINFO_VOLUME = "linkerd-podinfo";
  static final String SA_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
}
