package io.meshsdk.inject.internal;

/** Linkerd's annotation, label, container and volume names used by injection. */
public final class Names {
  private Names() {}

  public static final String PREFIX = "linkerd.io";
  public static final String CONFIG = "config.linkerd.io/";
  public static final String CONFIG_ALPHA = "config.alpha.linkerd.io/";
  public static final String CONFIG_BETA = "config.beta.linkerd.io/";

  public static final String INJECT = "linkerd.io/inject";
  public static final String CREATED_BY = "linkerd.io/created-by";
  public static final String PROXY_VERSION = "linkerd.io/proxy-version";
  public static final String TRUST_ROOT_SHA = "linkerd.io/trust-root-sha256";

  public static final String CONTROL_PLANE_NS = "linkerd.io/control-plane-ns";
  public static final String CONTROL_PLANE_COMPONENT = "linkerd.io/control-plane-component";
  public static final String WORKLOAD_NS = "linkerd.io/workload-ns";

  public static final String PROXY_IMAGE = CONFIG + "proxy-image";
  public static final String PROXY_VERSION_OVERRIDE = CONFIG + "proxy-version";
  public static final String IMAGE_PULL_POLICY = CONFIG + "image-pull-policy";
  public static final String CONTROL_PORT = CONFIG + "control-port";
  public static final String INBOUND_PORT = CONFIG + "inbound-port";
  public static final String ADMIN_PORT = CONFIG + "admin-port";
  public static final String OUTBOUND_PORT = CONFIG + "outbound-port";
  public static final String POD_INBOUND_PORTS = CONFIG + "pod-inbound-ports";
  public static final String ADMIN_SHUTDOWN = CONFIG + "proxy-admin-shutdown";
  public static final String LOG_LEVEL = CONFIG + "proxy-log-level";
  public static final String LOG_FORMAT = CONFIG + "proxy-log-format";
  public static final String LOG_HTTP_HEADERS = CONFIG + "proxy-log-http-headers";
  public static final String REQUIRE_IDENTITY = CONFIG + "proxy-require-identity-inbound-ports";
  public static final String METRICS_HOSTNAME_LABELS = CONFIG + "proxy-metrics-hostname-labels";
  public static final String OUTBOUND_CONNECT_TIMEOUT = CONFIG + "proxy-outbound-connect-timeout";
  public static final String INBOUND_CONNECT_TIMEOUT = CONFIG + "proxy-inbound-connect-timeout";
  public static final String SHUTDOWN_GRACE_PERIOD = CONFIG + "shutdown-grace-period";
  public static final String OUTBOUND_DISCOVERY_TIMEOUT =
      CONFIG + "proxy-outbound-discovery-cache-unused-timeout";
  public static final String INBOUND_DISCOVERY_TIMEOUT =
      CONFIG + "proxy-inbound-discovery-cache-unused-timeout";
  public static final String DISABLE_OUTBOUND_DETECT_TIMEOUT =
      CONFIG + "proxy-disable-outbound-protocol-detect-timeout";
  public static final String DISABLE_INBOUND_DETECT_TIMEOUT =
      CONFIG + "proxy-disable-inbound-protocol-detect-timeout";
  public static final String ENABLE_GATEWAY = CONFIG + "enable-gateway";
  public static final String WAIT_BEFORE_EXIT = CONFIG_ALPHA + "proxy-wait-before-exit-seconds";
  public static final String NATIVE_SIDECAR = CONFIG + "proxy-enable-native-sidecar";
  public static final String NATIVE_SIDECAR_BETA = CONFIG_BETA + "proxy-enable-native-sidecar";
  public static final String NATIVE_SIDECAR_ALPHA = CONFIG_ALPHA + "proxy-enable-native-sidecar";
  public static final String CPU_REQUEST = CONFIG + "proxy-cpu-request";
  public static final String CPU_LIMIT = CONFIG + "proxy-cpu-limit";
  public static final String CPU_RATIO_LIMIT = CONFIG + "proxy-cpu-ratio-limit";
  public static final String MEMORY_REQUEST = CONFIG + "proxy-memory-request";
  public static final String MEMORY_LIMIT = CONFIG + "proxy-memory-limit";
  public static final String EPHEMERAL_REQUEST = CONFIG + "proxy-ephemeral-storage-request";
  public static final String EPHEMERAL_LIMIT = CONFIG + "proxy-ephemeral-storage-limit";
  public static final String PROXY_UID = CONFIG + "proxy-uid";
  public static final String PROXY_GID = CONFIG + "proxy-gid";
  public static final String EXTERNAL_PROFILES = CONFIG + "enable-external-profiles";
  public static final String SKIP_INBOUND_PORTS = CONFIG + "skip-inbound-ports";
  public static final String SKIP_OUTBOUND_PORTS = CONFIG + "skip-outbound-ports";
  public static final String OPAQUE_PORTS = CONFIG + "opaque-ports";
  public static final String SKIP_SUBNETS = CONFIG + "skip-subnets";
  public static final String DEBUG_IMAGE = CONFIG + "debug-image";
  public static final String DEBUG_IMAGE_VERSION = CONFIG + "debug-image-version";
  public static final String DEBUG_IMAGE_PULL_POLICY = CONFIG + "debug-image-pull-policy";
  public static final String PROXY_AWAIT = CONFIG + "proxy-await";
  public static final String DEFAULT_INBOUND_POLICY = CONFIG + "default-inbound-policy";
  public static final String ACCESS_LOG = CONFIG + "access-log";
  public static final String ADDITIONAL_ENV = CONFIG + "proxy-additional-env";
  public static final String ENABLE_DEBUG = CONFIG + "enable-debug-sidecar";
  public static final String CLOSE_WAIT_TIMEOUT = CONFIG + "close-wait-timeout";

  public static final String OTEL_PREFIX = "resource.opentelemetry.io/";

  public static final String PROXY_CONTAINER = "linkerd-proxy";
  public static final String INIT_CONTAINER = "linkerd-init";
  public static final String DEBUG_CONTAINER = "linkerd-debug";
  public static final String VALIDATOR_CONTAINER = "linkerd-network-validator";
  public static final String END_ENTITY_VOLUME = "linkerd-identity-end-entity";
  public static final String XTABLES_VOLUME = "linkerd-proxy-init-xtables-lock";
  public static final String TOKEN_VOLUME = "linkerd-identity-token";
  public static final String PODINFO_VOLUME = "linkerd-podinfo";
  public static final String SA_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
}
