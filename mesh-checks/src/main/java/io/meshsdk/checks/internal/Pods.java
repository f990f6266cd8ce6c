package io.meshsdk.checks.internal;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.meshsdk.core.linkerd.LinkerdNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pod helpers: kubectl's status logic (Linkerd's {@code k8s.GetPodStatus}) and proxy lookups. */
final class Pods {
  private Pods() {}

  static V1PodStatus status(V1Pod pod) {
    return pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
  }

  static V1PodSpec spec(V1Pod pod) {
    return pod.getSpec() == null ? new V1PodSpec() : pod.getSpec();
  }

  static String phase(V1Pod pod) {
    String p = status(pod).getPhase();
    return p == null ? "" : p;
  }

  private static <T> List<T> nn(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static V1ContainerState state(V1ContainerStatus s) {
    return s.getState() == null ? new V1ContainerState() : s.getState();
  }

  private static int code(Integer i) {
    return i == null ? 0 : i;
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  /** kubectl's pod status (the STATUS column), as Linkerd's GetPodStatus computes it. */
  static String podStatus(V1Pod pod) {
    V1PodStatus st = status(pod);
    String reason = phase(pod);
    if (!empty(st.getReason())) {
      reason = st.getReason();
    }
    Map<String, V1Container> inits = new HashMap<>();
    for (V1Container c : nn(spec(pod).getInitContainers())) {
      inits.put(c.getName(), c);
    }
    boolean initializing = false;
    List<V1ContainerStatus> initStatuses = nn(st.getInitContainerStatuses());
    for (int i = 0; i < initStatuses.size(); i++) {
      V1ContainerStatus c = initStatuses.get(i);
      V1ContainerStateTerminated t = state(c).getTerminated();
      if (t != null && code(t.getExitCode()) == 0 && code(t.getSignal()) == 0) {
        continue;
      }
      V1Container def = inits.get(c.getName());
      if (def != null
          && "Always".equals(def.getRestartPolicy())
          && Boolean.TRUE.equals(c.getStarted())) {
        continue;
      }
      if (t != null) {
        if (empty(t.getReason())) {
          reason =
              code(t.getSignal()) != 0
                  ? "Init:Signal:" + code(t.getSignal())
                  : "Init:ExitCode:" + code(t.getExitCode());
        } else {
          reason = "Init:" + t.getReason();
        }
      } else if (state(c).getWaiting() != null
          && !empty(state(c).getWaiting().getReason())
          && !"PodInitializing".equals(state(c).getWaiting().getReason())) {
        reason = "Init:" + state(c).getWaiting().getReason();
      } else {
        reason = "Init:" + i + "/" + nn(spec(pod).getInitContainers()).size();
      }
      initializing = true;
      break;
    }
    if (!initializing || conditionTrue(st, "Initialized")) {
      boolean hasRunning = false;
      List<V1ContainerStatus> cs = nn(st.getContainerStatuses());
      for (int i = cs.size() - 1; i >= 0; i--) {
        V1ContainerStatus c = cs.get(i);
        V1ContainerState s = state(c);
        if (s.getWaiting() != null && !empty(s.getWaiting().getReason())) {
          reason = s.getWaiting().getReason();
        } else if (s.getTerminated() != null && !empty(s.getTerminated().getReason())) {
          reason = s.getTerminated().getReason();
        } else if (s.getTerminated() != null) {
          reason =
              code(s.getTerminated().getSignal()) != 0
                  ? "Signal:" + code(s.getTerminated().getSignal())
                  : "ExitCode:" + code(s.getTerminated().getExitCode());
        } else if (Boolean.TRUE.equals(c.getReady()) && s.getRunning() != null) {
          hasRunning = true;
        }
      }
      if (reason.equals("Completed") && hasRunning) {
        reason = hasCondition(st, "Ready") ? "Running" : "NotReady";
      }
    }
    if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
      reason = "NodeLost".equals(st.getReason()) ? "Unknown" : "Terminating";
    }
    return reason;
  }

  private static boolean conditionTrue(V1PodStatus st, String type) {
    for (V1PodCondition c : nn(st.getConditions())) {
      if (type.equals(c.getType()) && "True".equals(c.getStatus())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCondition(V1PodStatus st, String type) {
    for (V1PodCondition c : nn(st.getConditions())) {
      if (type.equals(c.getType()) && "True".equals(c.getStatus())) {
        return true;
      }
    }
    return false;
  }

  /** Linkerd's GetProxyReady: the linkerd-proxy status, regular containers first. */
  static boolean proxyReady(V1Pod pod) {
    for (V1ContainerStatus c : nn(status(pod).getContainerStatuses())) {
      if (LinkerdNames.PROXY_CONTAINER.equals(c.getName())) {
        return Boolean.TRUE.equals(c.getReady());
      }
    }
    for (V1ContainerStatus c : nn(status(pod).getInitContainerStatuses())) {
      if (LinkerdNames.PROXY_CONTAINER.equals(c.getName())) {
        return Boolean.TRUE.equals(c.getReady());
      }
    }
    return false;
  }

  /** The linkerd-proxy container, regular or native sidecar (init). */
  static Optional<V1Container> proxyContainer(V1Pod pod) {
    for (V1Container c : nn(spec(pod).getContainers())) {
      if (LinkerdNames.PROXY_CONTAINER.equals(c.getName())) {
        return Optional.of(c);
      }
    }
    for (V1Container c : nn(spec(pod).getInitContainers())) {
      if (LinkerdNames.PROXY_CONTAINER.equals(c.getName())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Every container of the pod: init containers first, then regular ones. */
  static List<V1Container> allContainers(V1Pod pod) {
    List<V1Container> out = new ArrayList<>(nn(spec(pod).getInitContainers()));
    out.addAll(nn(spec(pod).getContainers()));
    return out;
  }

  /** Regular containers. */
  static List<V1Container> containers(V1Pod pod) {
    return nn(spec(pod).getContainers());
  }

  /** The proxy version: the tag of the linkerd-proxy image; empty when pinned by digest. */
  static String proxyVersion(V1Pod pod) {
    Optional<V1Container> c = proxyContainer(pod);
    if (c.isEmpty() || c.get().getImage() == null) {
      return "";
    }
    String image = c.get().getImage();
    if (image.contains("@")) {
      return "";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash ? image.substring(colon + 1) : "";
  }

  /** Linkerd's CheckPodsRunning. */
  static void checkPodsRunning(List<V1Pod> pods, String namespace) {
    if (pods.isEmpty()) {
      String msg = "no \"" + LinkerdNames.PROXY_CONTAINER + "\" containers found";
      if (namespace != null && !namespace.isEmpty()) {
        msg += " in the \"" + namespace + "\" namespace";
      }
      throw new Fail(msg);
    }
    for (V1Pod pod : pods) {
      String status = podStatus(pod);
      switch (status) {
        case "Completed", "NodeShutdown", "Shutdown", "Terminated" -> {
          continue;
        }
        default -> {}
      }
      if (!status.equals("Running") && !status.equals("Evicted")) {
        throw new Fail("pod \"" + RunContext.name(pod) + "\" status is " + phase(pod));
      }
      if (!proxyReady(pod)) {
        throw new Fail(
            "container \""
                + LinkerdNames.PROXY_CONTAINER
                + "\" in pod \""
                + RunContext.name(pod)
                + "\" is not ready");
      }
    }
  }
}
