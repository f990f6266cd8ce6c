package io.meshsdk.install;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionCondition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import java.util.List;

/**
 * What a real cluster's controllers would do to what was applied, done by hand on the test API
 * server (which runs none): mark every CRD {@code Established}, and (when asked) every Deployment
 * rolled out. Called from the installer's sleeper, so an install sees the objects become ready
 * after its first poll.
 */
final class Controllers {
  private final ApiClient client;
  private final boolean deployments;
  private int rounds;

  Controllers(ApiClient client, boolean deployments) {
    this.client = client;
    this.deployments = deployments;
  }

  int rounds() {
    return rounds;
  }

  void run() {
    rounds++;
    try {
      ApiextensionsV1Api ext = new ApiextensionsV1Api(client);
      for (V1CustomResourceDefinition crd :
          ext.listCustomResourceDefinition().execute().getItems()) {
        if (crd.getStatus() == null || crd.getStatus().getConditions() == null) {
          crd.setStatus(
              new V1CustomResourceDefinitionStatus()
                  .conditions(
                      List.of(
                          new V1CustomResourceDefinitionCondition()
                              .type("Established")
                              .status("True"))));
          ext.replaceCustomResourceDefinitionStatus(crd.getMetadata().getName(), crd).execute();
        }
      }
      if (deployments) {
        AppsV1Api apps = new AppsV1Api(client);
        for (V1Deployment d : apps.listDeploymentForAllNamespaces().execute().getItems()) {
          int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
          if (d.getStatus() == null) {
            d.setStatus(
                new V1DeploymentStatus()
                    .observedGeneration(d.getMetadata().getGeneration())
                    .replicas(replicas)
                    .updatedReplicas(replicas)
                    .readyReplicas(replicas)
                    .availableReplicas(replicas));
            apps.replaceNamespacedDeploymentStatus(
                    d.getMetadata().getName(), d.getMetadata().getNamespace(), d)
                .execute();
          }
        }
      }
    } catch (ApiException e) {
      throw new IllegalStateException(
          "the simulated controllers failed: " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }
}
