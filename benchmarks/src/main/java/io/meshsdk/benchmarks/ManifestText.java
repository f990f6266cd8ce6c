package io.meshsdk.benchmarks;

import java.util.Random;

/**
 * The benchmark manifest of {@code shared/tools/perf/gen_manifest.py}, generated in Java: 40%
 * Deployments, 20% Services, 20% ConfigMaps, 10% StatefulSets, 10% custom resources.
 */
final class ManifestText {
  private ManifestText() {}

  static String generate(int docs) {
    Random rnd = new Random(42);
    StringBuilder sb = new StringBuilder(docs * 700);
    for (int i = 0; i < docs; i++) {
      int r = i % 10;
      sb.append("---\n");
      if (r < 4) {
        deployment(sb, rnd, i, "Deployment");
      } else if (r < 6) {
        sb.append("apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-")
            .append(i)
            .append("\n  namespace: team-")
            .append(i % 17)
            .append("\nspec:\n  selector:\n    app: app-")
            .append(i)
            .append("\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n");
      } else if (r < 8) {
        sb.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-")
            .append(i)
            .append("\n  namespace: team-")
            .append(i % 17)
            .append("\ndata:\n  application.yaml: |\n    server:\n      port: 8080\n    retries: ")
            .append(1 + rnd.nextInt(5))
            .append("\n    mode: \"0777\"\n  enabled: \"true\"\n");
      } else if (r < 9) {
        deployment(sb, rnd, i, "StatefulSet");
      } else {
        sb.append("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n")
            .append("  name: mon-")
            .append(i)
            .append("\n  namespace: team-")
            .append(i % 17)
            .append("\nspec:\n  selector:\n    matchLabels:\n      app: app-")
            .append(i)
            .append("\n  endpoints:\n  - port: metrics\n    interval: 30s\n");
      }
    }
    return sb.toString();
  }

  private static void deployment(StringBuilder sb, Random rnd, int i, String kind) {
    String[] cpu = {"100m", "250m", "500m"};
    String[] mem = {"128Mi", "256Mi", "1Gi"};
    String[] lim = {"256Mi", "512Mi", "2Gi"};
    sb.append("apiVersion: apps/v1\nkind: ")
        .append(kind)
        .append("\nmetadata:\n  name: app-")
        .append(i)
        .append("\n  namespace: team-")
        .append(i % 17)
        .append("\n  labels:\n    app.kubernetes.io/name: app-")
        .append(i)
        .append("\n    app.kubernetes.io/part-of: shop\n  annotations:\n")
        .append("    # owned by the platform team\n    deployment.kubernetes.io/revision: \"")
        .append(1 + rnd.nextInt(40))
        .append("\"\nspec:\n");
    if (kind.equals("StatefulSet")) {
      sb.append("  serviceName: svc-").append(i).append('\n');
    }
    sb.append("  replicas: ")
        .append(1 + rnd.nextInt(5))
        .append("\n  selector:\n    matchLabels:\n      app: app-")
        .append(i)
        .append("\n  template:\n    metadata:\n      labels:\n        app: app-")
        .append(i)
        .append("\n        version: v")
        .append(1 + rnd.nextInt(9))
        .append("\n    spec:\n      serviceAccountName: app-")
        .append(i)
        .append(
            "\n      containers:\n      - name: main\n        image: registry.example.com/shop/app-")
        .append(i)
        .append(":1.")
        .append(rnd.nextInt(100))
        .append('.')
        .append(rnd.nextInt(10))
        .append("\n        args: [\"--port=8080\", \"--log-level=info\"]\n        ports:\n")
        .append("        - containerPort: 8080\n          name: http\n")
        .append("        - containerPort: 9090\n          name: metrics\n        env:\n")
        .append("        - name: DB_HOST\n          value: db-")
        .append(i % 7)
        .append(".data.svc.cluster.local\n        - name: FEATURE_FLAGS\n          value: \"on\"\n")
        .append("        - name: TIMEOUT\n          value: \"1.10\"\n        readinessProbe:\n")
        .append("          httpGet:\n            path: /ready\n            port: 8080\n")
        .append("          initialDelaySeconds: 5\n        resources:\n          requests:\n")
        .append("            cpu: ")
        .append(cpu[rnd.nextInt(3)])
        .append("\n            memory: ")
        .append(mem[rnd.nextInt(3)])
        .append("\n          limits:\n            memory: ")
        .append(lim[rnd.nextInt(3)])
        .append('\n');
  }
}
